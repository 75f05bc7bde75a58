import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { RateLimiterMemory } from 'rate-limiter-flexible'
import sharp from 'sharp'
import request from 'supertest'
import { ErrorEnvelope, RepairPhoto } from '@gh/shared'
import { AppError } from '../src/platform/app-error'
import type { ObjectStorage } from '../src/platform/storage/object-storage'
import { RepairPhotoRow } from '../src/repairs/photos/photo-entity'
import { RepairPhotos } from '../src/repairs/photos/photo-service'
import { PhotoStore } from '../src/repairs/photos/photo-store'
import { UnusedPhotoSweep } from '../src/repairs/photos/photo-sweep'
import { startBff, type TestBff } from './harness'
import {
  GPS_IFD_POINTER,
  abortMidway,
  holdMidway,
  hugePng,
  ifd0Tags,
  multipart,
  noisyJpeg,
  phoneJpeg,
  postChunked,
  storedFiles,
  until,
} from './photo-helpers'

/**
 * 报修照片 through the whole pipeline (session, binding guard, Idempotency-Key, multipart, content
 * check, re-encoding, local storage, PostgreSQL), as the mini-program's uploader sends them.
 */
jest.setTimeout(30_000)

let bff: TestBff
let storageDir: string
let counter = 0

beforeAll(async () => {
  // The sweep tests count ages against this, not against the default.
  bff = await startBff({ env: { REPAIR_PHOTO_UNUSED_HOURS: '72' } })
  const storage = bff.container.config.storage
  if (storage.driver !== 'local') throw new Error('these tests read the local store')
  storageDir = storage.dir
})
afterAll(async () => {
  await bff?.close()
  if (storageDir) fs.rmSync(storageDir, { recursive: true, force: true })
})

/** A fresh account number and a resident bound to it, so each test counts its own rows. */
async function resident(): Promise<{ token: string; userId: string; accountNo: string }> {
  counter += 1
  const accountNo = `31${String(process.pid % 10_000).padStart(4, '0')}${String(counter).padStart(4, '0')}`
  const { token, userId } = await bff.login()
  await bff.bind(userId, accountNo)
  return { token, userId, accountNo }
}

const photosPath = (accountNo: string) => `/api/v1/accounts/${accountNo}/repair-photos`
const newKey = () => `photo-${Math.random().toString(36).slice(2, 12)}`

function upload(
  token: string,
  accountNo: string,
  bytes: Buffer,
  options: { key?: string; filename?: string; type?: string } = {},
) {
  return request(bff.url)
    .post(photosPath(accountNo))
    .set('authorization', `Bearer ${token}`)
    .set('idempotency-key', options.key ?? newKey())
    .attach('file', bytes, {
      filename: options.filename ?? 'photo.jpg',
      contentType: options.type ?? 'image/jpeg',
    })
}

function read(token: string, url: string) {
  return request(bff.url)
    .get(`/api/v1${url}`)
    .set('authorization', `Bearer ${token}`)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => done(null, Buffer.concat(chunks)))
    })
}

const rowsOf = (accountNo: string) =>
  bff.container.db.getRepository(RepairPhotoRow).countBy({ accountNo })

function expectRefusal(res: request.Response, status: number, code: string, message?: RegExp) {
  expect(res.status).toBe(status)
  const { error } = ErrorEnvelope.parse(res.body)
  expect(error.code).toBe(code)
  expect(error.message).toMatch(message ?? /[\u4e00-\u9fa5]/)
}

/** Runs a refused upload and checks that it left no row and no object, not even a temporary one. */
async function expectNothingStored(accountNo: string, attempt: () => Promise<void>) {
  const before = storedFiles(storageDir)
  await attempt()
  expect(await rowsOf(accountNo)).toBe(0)
  expect(storedFiles(storageDir)).toEqual(before)
}

describe('uploading a photo', () => {
  test('when a phone photo carrying its GPS position is uploaded, then what is served back has no EXIF and stands upright', async () => {
    const { token, accountNo } = await resident()
    const original = await phoneJpeg(64, 48)
    const exif = (await sharp(original).metadata()).exif
    expect(exif && ifd0Tags(exif)).toContain(GPS_IFD_POINTER)

    const res = await upload(token, accountNo, original)
    expect(res.status).toBe(201)
    const photo = RepairPhoto.parse(res.body)
    // Orientation 6: the camera was turned, so the upright picture is taller than wide.
    expect({ width: photo.width, height: photo.height }).toEqual({ width: 48, height: 64 })

    for (const url of [photo.url, photo.thumbnailUrl]) {
      const served = await read(token, url)
      expect(served.status).toBe(200)
      expect(served.headers['content-type']).toBe('image/jpeg')
      expect(served.headers['cache-control']).toMatch(/^private/)
      const meta = await sharp(served.body as Buffer).metadata()
      expect(meta.format).toBe('jpeg')
      expect(meta.exif).toBeUndefined()
      expect(meta.xmp).toBeUndefined()
      expect(meta.orientation).toBeUndefined()
      expect((served.body as Buffer).includes('TestPhone')).toBe(false)
    }
  })

  test('when an iPhone HEIC photo is uploaded, then a JPEG of the same size without EXIF is served back', async () => {
    const { token, accountNo } = await resident()
    const heic = fs.readFileSync(path.join(__dirname, 'photo-fixtures', 'tiny.heic'))
    const res = await upload(token, accountNo, heic, {
      filename: 'IMG_0001.HEIC',
      type: 'image/heic',
    })
    expect(res.status).toBe(201)
    const photo = RepairPhoto.parse(res.body)
    expect({ width: photo.width, height: photo.height }).toEqual({ width: 64, height: 48 })
    const served = await read(token, photo.url)
    expect(served.headers['content-type']).toBe('image/jpeg')
    const meta = await sharp(served.body as Buffer).metadata()
    expect(meta).toMatchObject({ format: 'jpeg', width: 64, height: 48 })
    expect(meta.exif).toBeUndefined()
    expect(meta.xmp).toBeUndefined()
    const thumb = await read(token, photo.thumbnailUrl)
    expect(await sharp(thumb.body as Buffer).metadata()).toMatchObject({ format: 'jpeg' })
  })

  test('when a wide photo is uploaded, then it is stored with a long edge of 2560 px and a thumbnail of 320 px', async () => {
    const { token, accountNo } = await resident()
    const wide = await sharp({
      create: { width: 4000, height: 1000, channels: 3, background: '#3366cc' },
    })
      .png()
      .toBuffer()
    const res = await upload(token, accountNo, wide, { filename: 'wide.png', type: 'image/png' })
    expect(res.status).toBe(201)
    const photo = RepairPhoto.parse(res.body)
    expect({ width: photo.width, height: photo.height }).toEqual({ width: 2560, height: 640 })
    const thumb = await read(token, photo.thumbnailUrl)
    expect(await sharp(thumb.body as Buffer).metadata()).toMatchObject({ width: 320, height: 80 })
    const full = await read(token, photo.url)
    expect((full.body as Buffer).length).toBe(photo.bytes)
  })

  test('when the same upload is sent again with its Idempotency-Key, then the same photo answers and one is stored', async () => {
    const { token, accountNo } = await resident()
    const bytes = await phoneJpeg()
    const key = newKey()
    const first = await upload(token, accountNo, bytes, { key })
    const again = await upload(token, accountNo, bytes, { key })
    expect(first.status).toBe(201)
    expect(again.status).toBe(201)
    expect(again.body).toEqual(first.body)
    expect(await rowsOf(accountNo)).toBe(1)
  })

  test('when the same upload arrives twice at once, then both answers name one photo and only its two objects stay', async () => {
    const { token, accountNo } = await resident()
    const bytes = await noisyJpeg(600, 400)
    const key = newKey()
    const before = storedFiles(storageDir)
    const [a, b] = await Promise.all([
      upload(token, accountNo, bytes, { key }),
      upload(token, accountNo, bytes, { key }),
    ])
    expect([a.status, b.status]).toEqual([201, 201])
    expect(a.body.photoId).toBe(b.body.photoId)
    expect(await rowsOf(accountNo)).toBe(1)
    expect(storedFiles(storageDir).length).toBe(before.length + 2)
  })

  test('when an Idempotency-Key is reused for another photo, then it is refused and the first photo stays alone', async () => {
    const { token, accountNo } = await resident()
    const key = newKey()
    expect((await upload(token, accountNo, await phoneJpeg(), { key })).status).toBe(201)
    const other = await upload(token, accountNo, await phoneJpeg(30, 20), { key })
    expectRefusal(other, 422, 'IDEMPOTENCY_KEY_REUSED')
    expect(await rowsOf(accountNo)).toBe(1)
  })
})

describe('upload limits', () => {
  test('when a user passes the hourly photo limit, then 429 answers in Chinese, and a retried upload is still answered', async () => {
    const limited = await startBff({
      databaseUrl: bff.databaseUrl,
      env: { REPAIR_PHOTOS_PER_HOUR: '2' },
    })
    try {
      const { token, userId } = await limited.login()
      const accountNo = '3300000001'
      await limited.bind(userId, accountNo)
      const send = (key: string) =>
        request(limited.url)
          .post(photosPath(accountNo))
          .set('authorization', `Bearer ${token}`)
          .set('idempotency-key', key)
          .attach('file', photo, 'photo.jpg')
      const photo = await phoneJpeg()
      const keys = [newKey(), newKey(), newKey()]
      expect((await send(keys[0] ?? '')).status).toBe(201)
      expect((await send(keys[1] ?? '')).status).toBe(201)
      expectRefusal(await send(keys[2] ?? ''), 429, 'RATE_LIMITED', /上传照片太频繁/)
      expect((await send(keys[0] ?? '')).status).toBe(201)
      expect(await rowsOf(accountNo)).toBe(2)
      // Refused before its body is read: a form that could not even be parsed gets the 429.
      const unread = await request(limited.url)
        .post(photosPath(accountNo))
        .set('authorization', `Bearer ${token}`)
        .set('idempotency-key', newKey())
        .set('content-type', 'multipart/form-data')
        .send('not a form')
      expectRefusal(unread, 429, 'RATE_LIMITED', /上传照片太频繁/)
    } finally {
      await limited.close()
    }
  })

  test('when as many uploads as the instance reads at once are under way, then one more is refused with 503 in Chinese before it is read, and taken again once a slot frees', async () => {
    const busy = await startBff({ databaseUrl: bff.databaseUrl, env: { UPLOADS_IN_FLIGHT: '1' } })
    try {
      const { token, userId } = await busy.login()
      const accountNo = '3300000002'
      await busy.bind(userId, accountNo)
      const photo = await phoneJpeg()
      const send = () =>
        request(busy.url)
          .post(photosPath(accountNo))
          .set('authorization', `Bearer ${token}`)
          .set('idempotency-key', newKey())
          .attach('file', photo, 'photo.jpg')
      const { body, contentType } = multipart(await noisyJpeg())
      const hold = () =>
        holdMidway(
          `${busy.url}${photosPath(accountNo)}`,
          {
            authorization: `Bearer ${token}`,
            'idempotency-key': newKey(),
            'content-type': contentType,
          },
          body,
        )
      let slow = await hold()
      const seen: number[] = []
      let refused: request.Response | undefined
      const giveUpAt = Date.now() + 5000
      while (!refused && Date.now() < giveUpAt) {
        // On a busy machine the held upload may reach the slot while one of these has it, and be
        // the one refused: hold another, so one is under way while the next is sent.
        if (slow.answered !== undefined) {
          seen.push(-slow.answered)
          slow.drop()
          slow = await hold()
          await new Promise((resolve) => setTimeout(resolve, 50))
        }
        const res = await send()
        seen.push(res.status)
        if (res.status === 503) refused = res
        else await new Promise((resolve) => setTimeout(resolve, 20))
      }
      if (!refused)
        throw new Error(
          `no upload was refused while one was under way (held ones refused: negative): ${seen.join(',')}`,
        )
      expectRefusal(refused, 503, 'UPLOAD_BUSY', /上传的人较多/)
      slow.drop()
      let after = 0
      for (let i = 0; i < 100 && after !== 201; i++) {
        after = (await send()).status
        if (after !== 201) await new Promise((resolve) => setTimeout(resolve, 20))
      }
      expect(after).toBe(201)
    } finally {
      await busy.close()
    }
  })
})

describe('malformed forms', () => {
  test('when a form has no boundary, a NUL in its file name or a 200 KB file name, then 400 says the form is wrong, not that the photo was cut off', async () => {
    const { token, accountNo } = await resident()
    const photo = await phoneJpeg()
    const post = (contentType: string, body: Buffer | string) =>
      request(bff.url)
        .post(photosPath(accountNo))
        .set('authorization', `Bearer ${token}`)
        .set('idempotency-key', newKey())
        .set('content-type', contentType)
        .send(body)
    const forms = [
      { contentType: 'multipart/form-data', body: multipart(photo).body },
      multipart(photo, 'a\u0000.jpg'),
      multipart(photo, `${'a'.repeat(200 * 1024)}.jpg`),
    ]
    await expectNothingStored(accountNo, async () => {
      for (const form of forms) {
        const res = await post(form.contentType, form.body)
        expectRefusal(res, 400, 'UPLOAD_MALFORMED', /格式不对/)
      }
    })
  })
})

describe('refused uploads store nothing', () => {
  test('when a PHP script named .jpg is uploaded, then it is refused as not a photo', async () => {
    const { token, accountNo } = await resident()
    const script = Buffer.from('<?php system($_GET["cmd"]); ?>\n')
    await expectNothingStored(accountNo, async () => {
      const res = await upload(token, accountNo, script, { filename: 'photo.jpg' })
      expectRefusal(res, 415, 'PHOTO_TYPE_NOT_ALLOWED', /只能上传 JPG、PNG、WebP 或 HEIC/)
    })
  })

  test('when a file only starts like a JPEG, then it is refused as an unreadable photo', async () => {
    const { token, accountNo } = await resident()
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 0x41)])
    await expectNothingStored(accountNo, async () => {
      const res = await upload(token, accountNo, fake)
      expectRefusal(res, 422, 'PHOTO_UNREADABLE')
    })
  })

  test('when a 40 MB file is uploaded, then 413 answers before the body is read and nothing is stored', async () => {
    const { token, accountNo } = await resident()
    const big = Buffer.alloc(40 * 1024 * 1024, 0x41)
    await expectNothingStored(accountNo, async () => {
      const res = await upload(token, accountNo, big, { filename: 'big.jpg' })
      expectRefusal(res, 413, 'PHOTO_TOO_LARGE', /10MB/)
    })
  })

  test('when a 40 MB file comes without a declared length, then it is cut off at the limit with 413', async () => {
    const { token, accountNo } = await resident()
    const { body, contentType } = multipart(Buffer.alloc(40 * 1024 * 1024, 0x41), 'big.jpg')
    await expectNothingStored(accountNo, async () => {
      const res = await postChunked(
        `${bff.url}${photosPath(accountNo)}`,
        {
          authorization: `Bearer ${token}`,
          'idempotency-key': newKey(),
          'content-type': contentType,
        },
        body,
      )
      expect(res.status).toBe(413)
      expect(ErrorEnvelope.parse(JSON.parse(res.body)).error.code).toBe('PHOTO_TOO_LARGE')
    })
  })

  test('when a small PNG describes 20 000 × 20 000 pixels, then it is refused before it is decoded', async () => {
    const { token, accountNo } = await resident()
    const png = hugePng(20_000, 20_000)
    expect(png.length).toBeLessThan(200 * 1024)
    await expectNothingStored(accountNo, async () => {
      const res = await upload(token, accountNo, png, { filename: 'map.png', type: 'image/png' })
      expectRefusal(res, 422, 'PHOTO_TOO_MANY_PIXELS', /4000万像素/)
    })
  })

  test('when a HEIC file is cut off, then it is refused as an unreadable photo and nothing is stored', async () => {
    const { token, accountNo } = await resident()
    const heic = fs.readFileSync(path.join(__dirname, 'photo-fixtures', 'tiny.heic'))
    // Half the file loses the container's image list; the last bytes lose only pixel data.
    for (const cut of [heic.subarray(0, heic.length / 2), heic.subarray(0, heic.length - 10)]) {
      await expectNothingStored(accountNo, async () => {
        const res = await upload(token, accountNo, cut, {
          filename: 'IMG_0002.HEIC',
          type: 'image/heic',
        })
        expectRefusal(res, 422, 'PHOTO_UNREADABLE', /照片打不开/)
      })
    }
  })

  test('when the form carries no file, then PHOTO_MISSING answers', async () => {
    const { token, accountNo } = await resident()
    const res = await request(bff.url)
      .post(photosPath(accountNo))
      .set('authorization', `Bearer ${token}`)
      .set('idempotency-key', newKey())
      .field('note', 'no photo here')
    expectRefusal(res, 400, 'PHOTO_MISSING')
  })

  test('when an upload is cut off midway, then nothing is stored, and its retry with the same Idempotency-Key stores exactly one photo', async () => {
    const { token, accountNo } = await resident()
    const key = newKey()
    const photo = await noisyJpeg()
    const { body, contentType } = multipart(photo)
    const headers = {
      authorization: `Bearer ${token}`,
      'idempotency-key': key,
      'content-type': contentType,
    }
    const before = storedFiles(storageDir)
    const logged = bff.logs.length
    await abortMidway(`${bff.url}${photosPath(accountNo)}`, headers, body)
    await until(
      () => bff.logs.slice(logged).some((line) => line.includes('"code":"UPLOAD_INCOMPLETE"')),
      'the server to give up on the cut-off upload',
    )
    expect(await rowsOf(accountNo)).toBe(0)
    expect(storedFiles(storageDir)).toEqual(before)

    const retried = await upload(token, accountNo, photo, { key })
    expect(retried.status).toBe(201)
    const again = await upload(token, accountNo, photo, { key })
    expect(again.body.photoId).toBe(retried.body.photoId)
    expect(await rowsOf(accountNo)).toBe(1)
    expect(storedFiles(storageDir).length).toBe(before.length + 2)
  })
})

describe('when the store fails', () => {
  test('when the thumbnail cannot be stored, then the full-size object is removed again, no row is written and 503 answers', async () => {
    const objects = new Map<string, Uint8Array>()
    const failingThumbs: ObjectStorage = {
      put: async (key, bytes) => {
        if (key.endsWith('.thumb.jpg')) throw new AppError('STORAGE_UNAVAILABLE')
        objects.set(key, bytes)
      },
      get: async () => null,
      delete: async (key) => void objects.delete(key),
      exists: async (key) => objects.has(key),
    }
    const photos = new RepairPhotos({
      store: new PhotoStore(bff.container.db),
      storage: failingThumbs,
      uploads: new RateLimiterMemory({ points: 10, duration: 60 }),
      accountLock: (_key, work) => work(),
      signedUrlSeconds: 0,
      logger: bff.container.logger,
      now: () => new Date(),
    })
    const accountNo = '3400000001'
    await expect(
      photos.upload({
        accountNo,
        userId: randomUUID(),
        idempotencyKey: newKey(),
        bytes: await phoneJpeg(),
      }),
    ).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE', status: 503 })
    expect(objects.size).toBe(0)
    expect(await rowsOf(accountNo)).toBe(0)
  })
})

describe('who sees a photo', () => {
  test('when a photo is served, then no browser cache may keep it after the resident leaves', async () => {
    const { token, accountNo } = await resident()
    const stored = RepairPhoto.parse((await upload(token, accountNo, await phoneJpeg())).body)
    const served = await read(token, stored.url)
    expect(served.status).toBe(200)
    expect(served.headers['cache-control']).toBe('private, no-store')
  })

  test('when a user not bound to the account asks for its photo, then 403 answers and no image bytes', async () => {
    const owner = await resident()
    const res = await upload(owner.token, owner.accountNo, await phoneJpeg())
    const photo = RepairPhoto.parse(res.body)
    const stranger = await bff.login()
    for (const url of [photo.url, photo.thumbnailUrl]) {
      const answer = await request(bff.url)
        .get(`/api/v1${url}`)
        .set('authorization', `Bearer ${stranger.token}`)
      expectRefusal(answer, 403, 'ACCOUNT_NOT_BOUND')
      expect(answer.headers['content-type']).toMatch(/json/)
    }
  })

  test('when another account’s user asks for the photo under their own account, then 404 answers', async () => {
    const owner = await resident()
    const photo = RepairPhoto.parse(
      (await upload(owner.token, owner.accountNo, await phoneJpeg())).body,
    )
    const neighbour = await resident()
    const res = await request(bff.url)
      .get(`/api/v1/accounts/${neighbour.accountNo}/repair-photos/${photo.photoId}`)
      .set('authorization', `Bearer ${neighbour.token}`)
    expectRefusal(res, 404, 'PHOTO_NOT_FOUND')
  })

  test('when a family member bound to the same account opens the photo, then it is served', async () => {
    const owner = await resident()
    const photo = RepairPhoto.parse(
      (await upload(owner.token, owner.accountNo, await phoneJpeg())).body,
    )
    const family = await bff.login()
    await bff.bind(family.userId, owner.accountNo)
    const res = await read(family.token, photo.thumbnailUrl)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('image/jpeg')
  })

  test('when a user uploads to an account not bound to them, then 403 answers and nothing is stored', async () => {
    const stranger = await bff.login()
    const accountNo = '3199999999'
    await expectNothingStored(accountNo, async () => {
      const res = await upload(stranger.token, accountNo, await phoneJpeg())
      expectRefusal(res, 403, 'ACCOUNT_NOT_BOUND')
    })
  })

  test('when no session is sent, then 401 answers', async () => {
    const res = await request(bff.url)
      .post(photosPath('3100000000'))
      .set('idempotency-key', newKey())
      .attach('file', await phoneJpeg(), 'photo.jpg')
    expectRefusal(res, 401, 'UNAUTHENTICATED')
  })
})

describe('photos for a repair report', () => {
  async function twoPhotos() {
    const owner = await resident()
    const ids: string[] = []
    for (const size of [40, 50]) {
      const res = await upload(owner.token, owner.accountNo, await phoneJpeg(size, size))
      ids.push(RepairPhoto.parse(res.body).photoId)
    }
    return { ...owner, ids }
  }

  test('when a report claims the account’s photos, then they are marked used by it, and claiming again for it changes nothing', async () => {
    const { accountNo, ids } = await twoPhotos()
    const photos = bff.container.repairPhotos
    await photos.claim(accountNo, ids, 'WO-1001')
    await photos.claim(accountNo, ids, 'WO-1001')
    const rows = await bff.container.db.getRepository(RepairPhotoRow).findBy({ accountNo })
    expect(rows.map((r) => r.usedBy)).toEqual(['WO-1001', 'WO-1001'])
  })

  test('when a report names a photo of another account or an unknown one, then PHOTO_NOT_FOUND is thrown and nothing is claimed', async () => {
    const mine = await twoPhotos()
    const theirs = await twoPhotos()
    const photos = bff.container.repairPhotos
    await expect(
      photos.claim(mine.accountNo, [mine.ids[0] ?? '', theirs.ids[0] ?? ''], 'WO-2001'),
    ).rejects.toMatchObject({ code: 'PHOTO_NOT_FOUND', status: 404 })
    await expect(photos.claim(mine.accountNo, ['nosuchphoto'], 'WO-2001')).rejects.toMatchObject({
      code: 'PHOTO_NOT_FOUND',
    })
    const rows = await bff.container.db
      .getRepository(RepairPhotoRow)
      .findBy({ accountNo: mine.accountNo })
    expect(rows.every((r) => r.usedBy === null)).toBe(true)
  })

  test('when a photo already attached to one report is named by another, then PHOTO_ALREADY_USED is thrown', async () => {
    const { accountNo, ids } = await twoPhotos()
    const photos = bff.container.repairPhotos
    await photos.claim(accountNo, ids.slice(0, 1), 'WO-3001')
    await expect(photos.check(accountNo, ids)).rejects.toMatchObject({
      code: 'PHOTO_ALREADY_USED',
    })
    await expect(photos.claim(accountNo, ids, 'WO-3002')).rejects.toMatchObject({
      code: 'PHOTO_ALREADY_USED',
      status: 409,
    })
  })

  test('when a report shows its photos, then their addresses come back in the report’s order', async () => {
    const { token, accountNo, ids } = await twoPhotos()
    const shown = await bff.container.repairPhotos.urlsFor(accountNo, [...ids].reverse())
    expect(shown.map((p) => p.photoId)).toEqual([...ids].reverse())
    const thumb = await read(token, shown[0]?.thumbnailUrl ?? '')
    expect(thumb.status).toBe(200)
  })
})

describe('the unused-photo sweep', () => {
  const HOUR = 3_600_000
  const photoRows = () => bff.container.db.getRepository(RepairPhotoRow)
  const sweep = () => bff.container.repairs.photoSweep

  async function uploaded(count: number) {
    const owner = await resident()
    const rows: RepairPhotoRow[] = []
    for (let i = 0; i < count; i++) {
      const res = await upload(owner.token, owner.accountNo, await phoneJpeg(20 + i, 20))
      const row = await photoRows().findOneBy({ photoId: RepairPhoto.parse(res.body).photoId })
      if (!row) throw new Error('uploaded photo has no row')
      rows.push(row)
    }
    return { ...owner, rows }
  }

  /** Moves the photo's upload time back, as if it had waited that long. */
  async function age(row: RepairPhotoRow, ms: number) {
    await photoRows().update({ photoId: row.photoId }, { createdAt: new Date(Date.now() - ms) })
  }

  const filesOf = (row: RepairPhotoRow) =>
    [row.objectKey, row.thumbKey].filter((key) => fs.existsSync(path.join(storageDir, key)))

  test('when a photo no report used is older than 3 days, then it and its files are gone, while a used or younger photo stays', async () => {
    const { token, accountNo, rows } = await uploaded(3)
    const [old, used, young] = rows as [RepairPhotoRow, RepairPhotoRow, RepairPhotoRow]
    await bff.container.repairPhotos.claim(accountNo, [used.photoId], 'WO-5001')
    await age(old, 73 * HOUR)
    await age(used, 30 * 24 * HOUR)
    await age(young, 71 * HOUR)

    await sweep().runOnce()

    expect(await photoRows().findOneBy({ photoId: old.photoId })).toBeNull()
    expect(filesOf(old)).toEqual([])
    for (const kept of [used, young]) {
      expect(await photoRows().findOneBy({ photoId: kept.photoId })).not.toBeNull()
      expect(filesOf(kept)).toHaveLength(2)
    }
    const shown = await read(token, `/accounts/${accountNo}/repair-photos/${used.photoId}`)
    expect(shown.status).toBe(200)
  })

  test('when two sweeps run at once on two instances, then each old photo is deleted once, a file already missing is no error, and neither run fails', async () => {
    const { rows } = await uploaded(4)
    for (const row of rows) await age(row, 4 * 24 * HOUR)
    // A run that stopped halfway left this photo without its thumbnail.
    fs.rmSync(path.join(storageDir, rows[0]?.thumbKey ?? ''))
    const other = new UnusedPhotoSweep({
      store: new PhotoStore(bff.container.db),
      storage: bff.container.storage,
      maxAgeMs: 72 * HOUR,
      logger: bff.container.logger,
      now: () => new Date(),
    })

    const [a, b] = await Promise.all([sweep().runOnce(), other.runOnce()])

    expect(a.deleted + b.deleted).toBe(4)
    expect(a.objectsLeft + b.objectsLeft).toBe(0)
    for (const row of rows) {
      expect(await photoRows().findOneBy({ photoId: row.photoId })).toBeNull()
      expect(filesOf(row)).toEqual([])
    }
  })

  test('when the sweep deletes a photo while a report is claiming it, then the claim fails with PHOTO_NOT_FOUND and frees the other photos', async () => {
    const { accountNo, rows } = await uploaded(2)
    const [kept, swept] = rows as [RepairPhotoRow, RepairPhotoRow]
    await age(swept, 4 * 24 * HOUR)
    /** The sweep's delete lands between the claim's check and its marking. */
    class SweptMidClaim extends PhotoStore {
      override async markUsed(account: string, ids: readonly string[], ref: string, at: Date) {
        await this.deleteIfUnused(swept.photoId, at)
        await super.markUsed(account, ids, ref, at)
      }
    }
    const photos = new RepairPhotos({
      store: new SweptMidClaim(bff.container.db),
      storage: bff.container.storage,
      uploads: new RateLimiterMemory({ points: 10, duration: 60 }),
      accountLock: (_key, work) => work(),
      signedUrlSeconds: 0,
      logger: bff.container.logger,
      now: () => new Date(),
    })

    await expect(
      photos.claim(accountNo, [kept.photoId, swept.photoId], 'WO-6001'),
    ).rejects.toMatchObject({ code: 'PHOTO_NOT_FOUND' })
    expect(await photoRows().findOneBy({ photoId: kept.photoId })).toMatchObject({ usedBy: null })
  })

  test('when a report claims an old photo after the sweep listed it, then the sweep leaves it and its files', async () => {
    const { accountNo, rows } = await uploaded(1)
    const [photo] = rows as [RepairPhotoRow]
    await age(photo, 4 * 24 * HOUR)
    /** The claim lands between the sweep's listing and its delete. */
    class ClaimedAfterListing extends PhotoStore {
      override async unusedBefore(cutoff: Date, limit: number) {
        const ids = await super.unusedBefore(cutoff, limit)
        await bff.container.repairPhotos.claim(accountNo, [photo.photoId], 'WO-7001')
        return ids
      }
    }
    const racing = new UnusedPhotoSweep({
      store: new ClaimedAfterListing(bff.container.db),
      storage: bff.container.storage,
      maxAgeMs: 72 * HOUR,
      logger: bff.container.logger,
      now: () => new Date(),
    })

    expect(await racing.runOnce()).toEqual({ deleted: 0, objectsLeft: 0 })
    expect(await photoRows().findOneBy({ photoId: photo.photoId })).toMatchObject({
      usedBy: 'WO-7001',
    })
    expect(filesOf(photo)).toHaveLength(2)
  })

  test('when the BFF starts, then the sweep is scheduled hourly for all instances', async () => {
    let schedule: Awaited<ReturnType<typeof bff.container.repairs.photoSweepJobs.schedule>>
    const jobs = bff.container.repairs.photoSweepJobs
    for (let i = 0; i < 50 && !(schedule = await jobs.schedule()); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(schedule).toMatchObject({ every: HOUR })
  })
})

describe('openapi document', () => {
  test('when the document is read, then the upload is multipart with a binary file and the read answers an image or a redirect', async () => {
    const res = await request(bff.url).get('/api/v1/openapi.json')
    const paths = res.body.paths as Record<string, Record<string, Record<string, unknown>>>
    const post = paths['/api/v1/accounts/{accountNo}/repair-photos']?.post
    const form = (post?.requestBody as { content: Record<string, { schema: unknown }> }).content
    expect(Object.keys(form)).toEqual(['multipart/form-data'])
    expect(form['multipart/form-data']?.schema).toMatchObject({
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    })
    expect(post?.['x-idempotency-key']).toBe(true)
    expect(post?.responses).toHaveProperty('413')

    const get = paths['/api/v1/accounts/{accountNo}/repair-photos/{photoId}']?.get
    const responses = get?.responses as Record<string, { content?: Record<string, unknown> }>
    expect(Object.keys(responses['200']?.content ?? {})).toEqual(['image/jpeg'])
    expect(responses).toHaveProperty('302')
    expect(get?.['x-account-scoped']).toBe(true)
  })
})
