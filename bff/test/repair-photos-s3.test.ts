import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import sharp from 'sharp'
import request from 'supertest'
import { ErrorEnvelope, RepairPhoto } from '@gh/shared'
import { startBff, type TestBff } from './harness'
import { phoneJpeg } from './photo-helpers'
import { startS3, type TestS3 } from './s3-server'

/**
 * The photo routes with the S3 driver against an S3-protocol server (s3rver): one instance
 * hands out signed URLs, a second one on the same database and bucket serves the bytes itself.
 */
jest.setTimeout(30_000)

let s3: TestS3
let signing: TestBff
let serving: TestBff
let client: S3Client

beforeAll(async () => {
  s3 = await startS3()
  signing = await startBff({ env: s3.env(60) })
  serving = await startBff({ env: s3.env(0), databaseUrl: signing.databaseUrl })
  client = new S3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  })
})
afterAll(async () => {
  client?.destroy()
  await serving?.close()
  await signing?.close()
  await s3?.close()
})

async function bucketKeys(): Promise<string[]> {
  const res = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }))
  return (res.Contents ?? []).map((o) => o.Key ?? '').sort()
}

async function resident(accountNo: string) {
  const { token, userId } = await signing.login()
  await signing.bind(userId, accountNo)
  return token
}

const upload = (token: string, accountNo: string, bytes: Buffer, filename = 'photo.jpg') =>
  request(signing.url)
    .post(`/api/v1/accounts/${accountNo}/repair-photos`)
    .set('authorization', `Bearer ${token}`)
    .set('idempotency-key', `s3-${Math.random().toString(36).slice(2, 12)}`)
    .attach('file', bytes, { filename, contentType: 'image/jpeg' })

test('when a photo is uploaded with the S3 driver, then both sizes are in the bucket and a signing instance redirects to a URL that serves it without EXIF', async () => {
  const accountNo = '3200000001'
  const token = await resident(accountNo)
  const before = await bucketKeys()
  const res = await upload(token, accountNo, await phoneJpeg())
  expect(res.status).toBe(201)
  const photo = RepairPhoto.parse(res.body)
  const added = (await bucketKeys()).filter((key) => !before.includes(key))
  expect(added).toEqual([
    `repair-photos/${photo.photoId}.jpg`,
    `repair-photos/${photo.photoId}.thumb.jpg`,
  ])

  const answer = await request(signing.url)
    .get(`/api/v1${photo.url}`)
    .set('authorization', `Bearer ${token}`)
    .redirects(0)
  expect(answer.status).toBe(302)
  expect(answer.headers['cache-control']).toBe('no-store')
  const location = answer.headers.location ?? ''
  expect(location.startsWith(`${s3.endpoint}/${s3.bucket}/repair-photos/`)).toBe(true)
  expect(location).toMatch(/X-Amz-Expires=60/)
  const fetched = await fetch(location)
  expect(fetched.status).toBe(200)
  const meta = await sharp(Buffer.from(await fetched.arrayBuffer())).metadata()
  expect(meta.format).toBe('jpeg')
  expect(meta.exif).toBeUndefined()
})

test('when an instance without signing is asked for the photo, then it reads the bucket and serves the bytes itself', async () => {
  const accountNo = '3200000002'
  const token = await resident(accountNo)
  const photo = RepairPhoto.parse((await upload(token, accountNo, await phoneJpeg())).body)
  const served = await request(serving.url)
    .get(`/api/v1${photo.thumbnailUrl}`)
    .set('authorization', `Bearer ${token}`)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => done(null, Buffer.concat(chunks)))
    })
  expect(served.status).toBe(200)
  expect(served.headers['content-type']).toBe('image/jpeg')
  expect(served.headers['cache-control']).toMatch(/^private/)
  expect((await sharp(served.body as Buffer).metadata()).exif).toBeUndefined()
})

test('when a user not bound to the account asks the signing instance, then 403 answers with no signed URL', async () => {
  const accountNo = '3200000003'
  const token = await resident(accountNo)
  const photo = RepairPhoto.parse((await upload(token, accountNo, await phoneJpeg())).body)
  const stranger = await signing.login()
  const res = await request(signing.url)
    .get(`/api/v1${photo.url}`)
    .set('authorization', `Bearer ${stranger.token}`)
    .redirects(0)
  expect(res.status).toBe(403)
  expect(res.headers.location).toBeUndefined()
  expect(ErrorEnvelope.parse(res.body).error.code).toBe('ACCOUNT_NOT_BOUND')
})

test('when a script is uploaded with the S3 driver, then it is refused and the bucket is unchanged', async () => {
  const accountNo = '3200000004'
  const token = await resident(accountNo)
  const before = await bucketKeys()
  const res = await upload(token, accountNo, Buffer.from('<?php echo 1; ?>'), 'shell.jpg')
  expect(res.status).toBe(415)
  expect(ErrorEnvelope.parse(res.body).error.code).toBe('PHOTO_TYPE_NOT_ALLOWED')
  expect(await bucketKeys()).toEqual(before)
})
