import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../src/platform/config'
import { LocalDiskStorage } from '../src/platform/storage/local-disk-storage'
import type { OpenStorage } from '../src/platform/storage/object-storage'
import { S3Storage } from '../src/platform/storage/s3-storage'
import { storedFiles } from './photo-helpers'
import { startS3, type TestS3 } from './s3-server'

/**
 * The storage port's contract, held by both adapters: local disk and an S3-protocol server
 * (s3rver) started on a free port.
 */
jest.setTimeout(20_000)

let s3: TestS3
let localDir: string

beforeAll(async () => {
  s3 = await startS3()
  localDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-storage-'))
})
afterAll(async () => {
  await s3?.close()
  fs.rmSync(localDir, { recursive: true, force: true })
})

function s3Settings(signedUrlSeconds = 0) {
  const storage = loadConfig(s3.env(signedUrlSeconds)).storage
  if (storage.driver !== 's3') throw new Error('expected the s3 driver')
  return storage.s3
}

const adapters: [string, () => OpenStorage][] = [
  ['local disk', () => new LocalDiskStorage(localDir)],
  ['s3', () => new S3Storage(s3Settings())],
]

describe.each(adapters)('%s storage', (_name, build) => {
  let storage: OpenStorage
  beforeAll(() => {
    storage = build()
  })
  afterAll(() => storage.close())

  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xdb, 1, 2, 3, 0xff, 0xd9])

  test('when an object is put, then it reads back with its type and exists, and is gone once deleted', async () => {
    const key = `photos/${Date.now()}-a.jpg`
    await storage.put(key, jpeg, 'image/jpeg')
    expect(await storage.exists(key)).toBe(true)
    const got = await storage.get(key)
    expect(got?.contentType).toBe('image/jpeg')
    expect(Buffer.compare(got?.bytes ?? Buffer.alloc(0), jpeg)).toBe(0)
    await storage.delete(key)
    expect(await storage.exists(key)).toBe(false)
    expect(await storage.get(key)).toBeNull()
  })

  test('when an object is put again under its key, then the new bytes replace the old', async () => {
    const key = `photos/${Date.now()}-b.jpg`
    await storage.put(key, jpeg, 'image/jpeg')
    const newer = Buffer.concat([jpeg, jpeg])
    await storage.put(key, newer, 'image/jpeg')
    expect((await storage.get(key))?.bytes.length).toBe(newer.length)
  })

  test('when a missing object is read, checked or deleted, then it is simply absent', async () => {
    expect(await storage.get('photos/never-there.jpg')).toBeNull()
    expect(await storage.exists('photos/never-there.jpg')).toBe(false)
    await expect(storage.delete('photos/never-there.jpg')).resolves.toBeUndefined()
  })

  test('when a key climbs out of its place or is hidden, then it is refused', async () => {
    for (const key of ['../escape.jpg', 'photos/../../escape.jpg', '.tmp/x.jpg', '/abs.jpg', '']) {
      await expect(storage.put(key, jpeg, 'image/jpeg')).rejects.toThrow(/invalid storage key/)
    }
  })
})

describe('local disk storage', () => {
  test('when a write cannot be finished, then nothing is left under the key and no temporary file stays', async () => {
    const storage = new LocalDiskStorage(localDir)
    const key = 'photos/blocked.jpg'
    // A directory where the file would go: the final rename fails after the bytes are written.
    fs.mkdirSync(path.join(localDir, 'photos', 'blocked.jpg'), { recursive: true })
    await expect(storage.put(key, Buffer.from('x'), 'image/jpeg')).rejects.toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
    })
    expect(await storage.exists(key)).toBe(false)
    expect(storedFiles(path.join(localDir, '.tmp'))).toEqual([])
  })

  test('when the content type does not match the key’s extension, then the put is refused', async () => {
    const storage = new LocalDiskStorage(localDir)
    await expect(storage.put('photos/x.jpg', Buffer.from('x'), 'image/png')).rejects.toThrow()
    expect(await storage.exists('photos/x.jpg')).toBe(false)
  })
})

describe('s3 storage', () => {
  test('when signing is configured, then a signed URL serves the object to anyone holding it', async () => {
    const storage = new S3Storage(s3Settings(60))
    try {
      const key = `photos/${Date.now()}-signed.jpg`
      await storage.put(key, Buffer.from('signed bytes'), 'image/jpeg')
      const url = await storage.signedUrl?.(key, 60)
      expect(url).toMatch(/X-Amz-Signature=/)
      const res = await fetch(url ?? '')
      expect(res.status).toBe(200)
      expect(await res.text()).toBe('signed bytes')
    } finally {
      storage.close()
    }
  })

  test('when signing is not configured, then the store offers no signed URLs', () => {
    const storage = new S3Storage(s3Settings(0))
    expect(storage.signedUrl).toBeUndefined()
    storage.close()
  })

  test('when the store cannot be reached, then STORAGE_UNAVAILABLE is thrown', async () => {
    const storage = new S3Storage({
      ...s3Settings(),
      endpoint: 'http://127.0.0.1:9',
      timeoutMs: 500,
    })
    try {
      await expect(storage.get('photos/x.jpg')).rejects.toMatchObject({
        code: 'STORAGE_UNAVAILABLE',
        status: 503,
      })
    } finally {
      storage.close()
    }
  })
})
