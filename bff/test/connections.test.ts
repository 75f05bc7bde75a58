import request from 'supertest'
import { ConnectionApplication, ConnectionApplications, Ignition } from '@gh/shared'
import { phoneJpeg } from './photo-helpers'
import {
  eventually,
  openWorld,
  pay,
  testPayments,
  type SandboxWorld,
} from './sandbox-payments-helpers'
import type { TestBff } from './harness'

/**
 * 报装 → 通气点火 → first top-up, through the BFF, the CIS and work-order adapters and the core
 * sandbox (its clock pinned where the harness starts it, which the BFF's clock follows): a resident with no account applies with photos of their documents,
 * the field work moves on by the sandbox's developer endpoints, the new account is bound to the
 * applicant, the ignition visit is booked and done with its safety check, and the first top-up
 * is credited to the new meter.
 */
jest.setTimeout(90_000)

let world: SandboxWorld
let bff: TestBff
beforeAll(async () => {
  world = await openWorld(testPayments)
  bff = await world.startInstance()
})
afterAll(async () => {
  await world?.close()
})

let keys = 0
const newKey = () => `conn-${process.pid}-${++keys}-${Math.random().toString(36).slice(2, 8)}`

async function upload(token: string, name: string): Promise<string> {
  const res = await request(bff.url)
    .post('/api/v1/connections/documents')
    .set('authorization', `Bearer ${token}`)
    .set('idempotency-key', newKey())
    .attach('file', await phoneJpeg(), { filename: name, contentType: 'image/jpeg' })
  expect(res.status).toBe(201)
  expect(Object.keys(res.body)).toEqual(['photoId'])
  return res.body.photoId as string
}

const application = (property: string, idCard: string) => ({
  applicantName: '郑小雨',
  phone: '13903115566',
  district: '新华区',
  addressDetail: '友谊北大街38号和园小区5号楼2单元601室',
  documents: [
    { kind: 'property', photoId: property },
    { kind: 'id_card', photoId: idCard },
  ],
})

test('when a new household applies, its meter is installed and the ignition visit passes, then its account is bound and a first top-up is credited', async () => {
  const resident = await world.resident()
  const auth = { authorization: `Bearer ${resident.token}` }
  const body = application(
    await upload(resident.token, 'house.jpg'),
    await upload(resident.token, 'id.jpg'),
  )

  const key = newKey()
  const applied = await request(bff.url)
    .post('/api/v1/connections')
    .set(auth)
    .set('idempotency-key', key)
    .send(body)
  expect(applied.status).toBe(201)
  const first = ConnectionApplication.parse(applied.body)
  expect(first).toMatchObject({ status: 'submitted', accountNo: null, applicantMasked: '郑**' })
  expect(first.addressMasked).not.toContain('601')
  expect(first.documents.map((d) => d.kind).sort()).toEqual(['id_card', 'property'])

  // Another application cannot take the same photos.
  const reused = await request(bff.url)
    .post('/api/v1/connections')
    .set(auth)
    .set('idempotency-key', newKey())
    .send(body)
  expect(reused.status).toBe(409)
  expect(reused.body.error.code).toBe('PHOTO_ALREADY_USED')

  const advance = () =>
    world.core().post(`/sandbox/connections/${first.applicationId}/advance`).send({}).expect(200)
  await advance() // surveyed
  await advance() // meter installed: the CIS opens an account
  const listed = await request(bff.url).get('/api/v1/connections').set(auth).expect(200)
  const installed = ConnectionApplications.parse(listed.body).items[0]
  expect(installed?.status).toBe('meter_installed')
  const accountNo = installed?.accountNo ?? ''
  expect(accountNo).toMatch(/^\d{10}$/)

  const accounts = await request(bff.url).get('/api/v1/accounts').set(auth).expect(200)
  expect(JSON.stringify(accounts.body)).toContain(accountNo)

  const open = Ignition.parse(
    (await request(bff.url).get(`/api/v1/accounts/${accountNo}/ignition`).set(auth).expect(200))
      .body,
  )
  expect(open).toMatchObject({ status: 'open', offerTopUp: false })
  const slot = open.slots.find((s) => s.available)
  if (!slot) throw new Error('no ignition slot offered')
  const booked = await request(bff.url)
    .post(`/api/v1/accounts/${accountNo}/ignition`)
    .set(auth)
    .set('idempotency-key', newKey())
    .send({ slotId: slot.slotId })
  expect(booked.status).toBe(201)
  expect(Ignition.parse(booked.body).booking?.label).toBe(slot.label)

  await world.core().post(`/sandbox/ignition/${accountNo}/complete`).send({}).expect(200)
  const done = Ignition.parse(
    (await request(bff.url).get(`/api/v1/accounts/${accountNo}/ignition`).set(auth).expect(200))
      .body,
  )
  expect(done).toMatchObject({ status: 'done', offerTopUp: true })
  expect(done.result?.passed).toBe(true)
  expect(done.result?.items.length).toBeGreaterThan(3)
  const byAccount = await request(bff.url)
    .get(`/api/v1/accounts/${accountNo}/connections`)
    .set(auth)
    .expect(200)
  expect(ConnectionApplications.parse(byAccount.body).items[0]?.status).toBe('ignited')

  const orderNo = await resident.create(accountNo, 'recharge', 5_000)
  await pay(world, orderNo)
  await eventually(async () => {
    expect((await resident.read(accountNo, 'recharge', orderNo)).state).toBe('CREDITED')
  }, 30_000)
})

test('when someone not bound to a new account asks for its ignition, then it is refused', async () => {
  const stranger = await world.resident()
  const res = await request(bff.url)
    .get('/api/v1/accounts/1000000050/ignition')
    .set('authorization', `Bearer ${stranger.token}`)
  expect(res.status).toBe(403)
  expect(res.body.error.code).toBe('ACCOUNT_NOT_BOUND')
})

test('when a 报装 is made from an account with its photos, then nobody bound to the account can open them, exactly as an unknown id, while its repair photos still open', async () => {
  const accountNo = '1000000007'
  const applicant = await world.resident(accountNo)
  const family = await world.resident(accountNo)
  const uploadToAccount = async (name: string): Promise<string> => {
    const res = await request(bff.url)
      .post(`/api/v1/accounts/${accountNo}/repair-photos`)
      .set('authorization', `Bearer ${applicant.token}`)
      .set('idempotency-key', newKey())
      .attach('file', await phoneJpeg(), { filename: name, contentType: 'image/jpeg' })
    expect(res.status).toBe(201)
    return res.body.photoId as string
  }
  const property = await uploadToAccount('house.jpg')
  const idCard = await uploadToAccount('id.jpg')
  const leak = await uploadToAccount('leak.jpg')
  await bff.container.repairPhotos.claim(accountNo, [leak], `WO-conn-${newKey()}`)

  const applied = await request(bff.url)
    .post(`/api/v1/accounts/${accountNo}/connections`)
    .set('authorization', `Bearer ${applicant.token}`)
    .set('idempotency-key', newKey())
    .send(application(property, idCard))
  expect(applied.status).toBe(201)

  const open = (token: string, photoId: string, size = 'full') =>
    request(bff.url)
      .get(`/api/v1/accounts/${accountNo}/repair-photos/${photoId}?size=${size}`)
      .set('authorization', `Bearer ${token}`)
  const unknown = await open(family.token, 'no-such-photo')
  expect(unknown.status).toBe(404)
  for (const token of [applicant.token, family.token]) {
    for (const photoId of [property, idCard]) {
      for (const size of ['full', 'thumb']) {
        const res = await open(token, photoId, size)
        expect(res.status).toBe(404)
        expect({ ...res.body.error, requestId: null }).toEqual({
          ...unknown.body.error,
          requestId: null,
        })
      }
    }
  }
  expect((await open(family.token, leak)).status).toBe(200)
})
