import { defineRoute } from '@gh/shared'
import { z } from 'zod'
import { ApiError } from './api-error'
import type { HttpResponse } from './client'
import { createUploader } from './upload'
import type { UploadRequest } from './upload'

const uploadPhoto = defineRoute({
  id: 'uploadPhoto',
  method: 'post',
  path: '/accounts/:accountNo/photos',
  summary: 'test route',
  tag: 'test',
  auth: 'user',
  accountScoped: true,
  idempotent: true,
  params: z.object({ accountNo: z.string().regex(/^\d{10}$/) }),
  response: z.object({ photoId: z.string(), thumbnailUrl: z.string() }),
})

const stored = { photoId: 'ph_1', thumbnailUrl: '/api/v1/x?size=thumb' }

type Answer = HttpResponse | 'offline'

function setup(answers: Answer[], token: string | null = 't1') {
  const sent: UploadRequest[] = []
  let current = token ?? undefined
  const tokens = { get: () => current, clear: jest.fn(() => (current = undefined)) }
  const onSessionExpired = jest.fn()
  let keys = 0
  const upload = createUploader({
    baseUrl: 'https://bff.example/api/v1',
    tokens,
    onSessionExpired,
    newIdempotencyKey: () => `key-${++keys}`,
    pause: () => Promise.resolve(),
    transport: async (req) => {
      sent.push(req)
      req.onProgress?.(50)
      const answer = answers.shift() ?? 'offline'
      if (answer === 'offline') throw new Error('uploadFile:fail interrupted')
      return answer
    },
  })
  return { upload, sent, tokens, onSessionExpired }
}

const args = { params: { accountNo: '1000000001' }, filePath: 'wxfile://tmp/a.jpg' }

test('when a photo is uploaded, then it goes as the file field with the session and one idempotency key', async () => {
  const { upload, sent } = setup([{ statusCode: 201, data: JSON.stringify(stored) }])
  await expect(upload(uploadPhoto, args)).resolves.toEqual(stored)
  expect(sent).toHaveLength(1)
  expect(sent[0]).toMatchObject({
    url: 'https://bff.example/api/v1/accounts/1000000001/photos',
    filePath: 'wxfile://tmp/a.jpg',
    field: 'file',
  })
  expect(sent[0]?.headers.Authorization).toBe('Bearer t1')
  expect(sent[0]?.headers['Idempotency-Key']).toBe('key-1')
  // The platform writes the multipart boundary itself.
  expect(sent[0]?.headers['Content-Type']).toBeUndefined()
})

test('when the upload is interrupted, then it is sent again with the same idempotency key', async () => {
  const { upload, sent } = setup([
    'offline',
    { statusCode: 504, data: '<html>Gateway Timeout</html>' },
    { statusCode: 201, data: stored },
  ])
  await expect(upload(uploadPhoto, { ...args, idempotencyKey: 'photo-7' })).resolves.toEqual(stored)
  expect(sent.map((r) => r.headers['Idempotency-Key'])).toEqual(['photo-7', 'photo-7', 'photo-7'])
})

test('when every try is interrupted, then it fails as a network error in Chinese after three tries', async () => {
  const { upload, sent } = setup(['offline', 'offline', 'offline', 'offline'])
  const err = await upload(uploadPhoto, args).catch((e: unknown) => e)
  expect(err).toBeInstanceOf(ApiError)
  expect(err).toMatchObject({ code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' })
  expect(sent).toHaveLength(3)
  expect(new Set(sent.map((r) => r.headers['Idempotency-Key']))).toEqual(new Set(['key-1']))
})

test('when the BFF refuses the photo with an envelope, then its code and message arrive and it is not retried', async () => {
  const { upload, sent } = setup([
    {
      statusCode: 413,
      data: JSON.stringify({
        error: { code: 'PAYLOAD_TOO_LARGE', message: '照片太大了', requestId: 'r-5' },
      }),
    },
  ])
  await expect(upload(uploadPhoto, args)).rejects.toMatchObject({
    code: 'PAYLOAD_TOO_LARGE',
    message: '照片太大了',
    requestId: 'r-5',
    status: 413,
  })
  expect(sent).toHaveLength(1)
})

test('when a proxy refuses a too large body without an envelope, then it reads as too large', async () => {
  const { upload } = setup([{ statusCode: 413, data: '<html>413</html>' }])
  await expect(upload(uploadPhoto, args)).rejects.toMatchObject({
    code: 'PAYLOAD_TOO_LARGE',
    message: '提交的内容太大',
  })
})

test('when the session has expired, then the token is cleared and login opens, without a retry', async () => {
  const { upload, sent, tokens, onSessionExpired } = setup([
    {
      statusCode: 401,
      data: { error: { code: 'SESSION_EXPIRED', message: '登录已过期', requestId: 'r-2' } },
    },
  ])
  await expect(upload(uploadPhoto, args)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' })
  expect(sent).toHaveLength(1)
  expect(tokens.clear).toHaveBeenCalled()
  expect(onSessionExpired).toHaveBeenCalledTimes(1)
})

test('when nobody is logged in, then nothing is sent', async () => {
  const { upload, sent } = setup([], null)
  await expect(upload(uploadPhoto, args)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
  expect(sent).toHaveLength(0)
})

test('when the answer is off the schema, then it is rejected, not passed on', async () => {
  const { upload } = setup([{ statusCode: 201, data: '{"photoId":1}' }])
  await expect(upload(uploadPhoto, args)).rejects.toMatchObject({ code: 'INVALID_RESPONSE' })
})

test('when a retry starts, then the progress shown starts again from zero', async () => {
  const seen: number[] = []
  const { upload } = setup(['offline', { statusCode: 201, data: stored }])
  await upload(uploadPhoto, { ...args, onProgress: (p) => seen.push(p) })
  expect(seen).toEqual([50, 0, 50])
})
