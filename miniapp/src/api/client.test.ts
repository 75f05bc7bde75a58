import { defineRoute, routes } from '@gh/shared'
import { z } from 'zod'
import { ApiError } from './api-error'
import { createApiClient } from './client'
import type { HttpRequest, HttpResponse } from './client'

const putNote = defineRoute({
  id: 'putNote',
  method: 'put',
  path: '/notes/:name',
  summary: 'test route',
  tag: 'test',
  auth: 'user',
  accountScoped: false,
  idempotent: true,
  params: z.object({ name: z.string() }),
  query: z.object({ tag: z.array(z.string()).optional(), page: z.number().optional() }),
  body: z.object({ text: z.string() }),
  response: z.object({ saved: z.boolean() }),
})

const appInfo = {
  serviceName: '燃气·供热 掌上营业厅',
  servicePhone: '96777',
  serverTime: '2026-11-26T09:00:00+08:00',
  orderNoticeTemplateId: null,
  legal: {
    utilityName: '某市燃气热力有限公司',
    address: '某市民生路 1 号',
    privacyEmail: 'privacy@gas.example.cn',
    policyVersion: '2026-12-06',
  },
}

function setup(answer: (req: HttpRequest) => HttpResponse | Promise<HttpResponse>, token?: string) {
  const sent: HttpRequest[] = []
  let current = token
  const tokens = { get: () => current, clear: jest.fn(() => (current = undefined)) }
  const onSessionExpired = jest.fn()
  const request = createApiClient({
    baseUrl: 'https://bff.example/api/v1/',
    transport: async (req) => {
      sent.push(req)
      return answer(req)
    },
    tokens,
    onSessionExpired,
    newIdempotencyKey: () => 'generated-key',
  })
  return { request, sent, tokens, onSessionExpired }
}

test('when a route has path and query parts, then they are encoded into the URL', async () => {
  const { request, sent } = setup(() => ({ statusCode: 200, data: { saved: true } }), 't1')
  const result = await request(putNote, {
    params: { name: 'a/b c' },
    query: { tag: ['x&y', '燃气'], page: 2 },
    body: { text: '你好' },
  })

  expect(result).toEqual({ saved: true })
  expect(sent[0]?.url).toBe(
    'https://bff.example/api/v1/notes/a%2Fb%20c?tag=x%26y&tag=%E7%87%83%E6%B0%94&page=2',
  )
  expect(sent[0]?.method).toBe('PUT')
  expect(sent[0]?.body).toEqual({ text: '你好' })
})

test('when a user route is called with a session, then the bearer token and an idempotency key go along', async () => {
  const { request, sent } = setup(() => ({ statusCode: 200, data: { saved: true } }), 't1')
  await request(putNote, { params: { name: 'n' }, body: { text: 'x' } })
  await request(putNote, { params: { name: 'n' }, body: { text: 'x' }, idempotencyKey: 'retry-1' })

  expect(sent[0]?.headers.Authorization).toBe('Bearer t1')
  expect(sent[0]?.headers['Idempotency-Key']).toBe('generated-key')
  expect(sent[1]?.headers['Idempotency-Key']).toBe('retry-1')
})

test('when a public route is called, then no token and no idempotency key are sent', async () => {
  const { request, sent } = setup(() => ({ statusCode: 200, data: appInfo }), 't1')
  await expect(request(routes.getAppInfo)).resolves.toEqual(appInfo)
  expect(sent[0]?.url).toBe('https://bff.example/api/v1/app-info')
  expect(sent[0]?.headers.Authorization).toBeUndefined()
  expect(sent[0]?.headers['Idempotency-Key']).toBeUndefined()
})

test('when the BFF answers an error envelope, then an ApiError carries its code, message and request id', async () => {
  const { request } = setup(() => ({
    statusCode: 429,
    data: {
      error: {
        code: 'RATE_LIMITED',
        message: '操作太频繁',
        requestId: 'r-1',
        retryAfterSeconds: 30,
      },
    },
  }))
  const err = await request(routes.getAppInfo).catch((e: unknown) => e)

  expect(err).toBeInstanceOf(ApiError)
  expect(err).toMatchObject({
    code: 'RATE_LIMITED',
    message: '操作太频繁',
    requestId: 'r-1',
    status: 429,
    retryAfterSeconds: 30,
  })
})

test('when the BFF answers a code this build does not know, then its message is still shown', async () => {
  const { request } = setup(() => ({
    statusCode: 409,
    data: { error: { code: 'SOMETHING_NEW', message: '请先完成上一步', requestId: 'r-9' } },
  }))
  await expect(request(routes.getAppInfo)).rejects.toMatchObject({
    code: 'INTERNAL',
    message: '请先完成上一步',
    status: 409,
    requestId: 'r-9',
  })
})

test('when two calls find the session expired, then the token is cleared and login opens once', async () => {
  const { request, tokens, onSessionExpired } = setup(
    () => ({
      statusCode: 401,
      data: { error: { code: 'SESSION_EXPIRED', message: '登录已过期', requestId: 'r-2' } },
    }),
    'old-token',
  )
  const args = { params: { name: 'n' }, body: { text: 'x' } }
  const results = await Promise.allSettled([request(putNote, args), request(putNote, args)])

  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
  expect(tokens.clear).toHaveBeenCalled()
  expect(tokens.get()).toBeUndefined()
  expect(onSessionExpired).toHaveBeenCalledTimes(1)
})

test('when a user route is called without a session, then it fails as UNAUTHENTICATED without a request', async () => {
  const { request, sent, onSessionExpired } = setup(() => ({ statusCode: 200, data: {} }))
  await expect(
    request(putNote, { params: { name: 'n' }, body: { text: 'x' } }),
  ).rejects.toMatchObject({
    code: 'UNAUTHENTICATED',
    message: '请先登录',
  })
  expect(sent).toHaveLength(0)
  expect(onSessionExpired).not.toHaveBeenCalled()
})

test('when the network fails, then the error says so in Chinese', async () => {
  const { request } = setup(() => Promise.reject(new Error('offline')))
  await expect(request(routes.getAppInfo)).rejects.toMatchObject({
    code: 'NETWORK_ERROR',
    message: '网络连接失败，请检查网络后重试',
  })
})

test('when a gateway answers without an envelope, then it reads as service unavailable', async () => {
  const { request } = setup(() => ({ statusCode: 502, data: '<html>Bad Gateway</html>' }))
  await expect(request(routes.getAppInfo)).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' })
})

test('when the response does not match the schema, then it is rejected, not passed on', async () => {
  const { request } = setup(() => ({ statusCode: 200, data: { serviceName: 1 } }))
  await expect(request(routes.getAppInfo)).rejects.toMatchObject({ code: 'INVALID_RESPONSE' })
})

test('when path parameters are invalid, then the request is not sent', async () => {
  const { request, sent } = setup(() => ({ statusCode: 200, data: {} }), 't1')
  await expect(request(routes.getAccount, { params: { accountNo: '12' } })).rejects.toMatchObject({
    code: 'VALIDATION_FAILED',
  })
  expect(sent).toHaveLength(0)
})
