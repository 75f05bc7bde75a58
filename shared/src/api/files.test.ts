import { z } from 'zod'
import { AccountParams } from './common'
import { FileReply, UploadedFile } from './files'
import { repairPhotoPath, uploadRepairPhoto } from './repair-photos'
import { defineRoute } from './route'

const upload = {
  field: 'file',
  maxBytes: 1024,
  mediaTypes: ['image/jpeg'],
  tooLarge: 'PHOTO_TOO_LARGE',
  missing: 'PHOTO_MISSING',
} as const

const base = {
  id: 'sendFile',
  method: 'post',
  path: '/accounts/:accountNo/files',
  summary: 'test',
  tag: 'test',
  auth: 'user',
  accountScoped: true,
  idempotent: true,
  params: AccountParams,
  body: z.object({ file: UploadedFile }),
  response: z.object({ ok: z.boolean() }),
} as const

test('when an upload route would replay a stored response, then defineRoute refuses it (its body cannot be fingerprinted before it is read)', () => {
  expect(() => defineRoute({ ...base, upload })).toThrow(/must replay its stored resource/)
  expect(defineRoute({ ...base, upload, replay: 'resource' }).upload).toEqual(upload)
})

test('when a download route answers anything but FileReply, then defineRoute refuses it', () => {
  const get = { ...base, method: 'get', idempotent: false, body: undefined } as const
  const download = { mediaTypes: ['image/jpeg'] }
  expect(() => defineRoute({ ...get, download })).toThrow(/must answer FileReply/)
  expect(defineRoute({ ...get, download, response: FileReply }).download).toEqual(download)
})

test('when the photo upload route is read, then it takes one file field and replays the stored photo', () => {
  expect(uploadRepairPhoto.upload?.field).toBe('file')
  expect(uploadRepairPhoto.replay).toBe('resource')
  expect(uploadRepairPhoto.body.safeParse({}).success).toBe(false)
})

test('when a photo path is built, then it sits under the API base and asks for the thumbnail by query', () => {
  expect(repairPhotoPath('1000000001', 'abc_-1', 'full')).toBe(
    '/accounts/1000000001/repair-photos/abc_-1',
  )
  expect(repairPhotoPath('1000000001', 'abc_-1', 'thumb')).toBe(
    '/accounts/1000000001/repair-photos/abc_-1?size=thumb',
  )
})
