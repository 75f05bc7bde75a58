import jsQR from 'jsqr'
import sharp from 'sharp'
import request from 'supertest'
import { idemKey } from './auth-fakes'
import type { TestBff } from './harness'
import {
  eventually,
  openWorld,
  pay,
  testPayments,
  type SandboxWorld,
} from './sandbox-payments-helpers'

/**
 * A task followed from real events, against the core sandbox (its clock pinned by the harness):
 * the resident opens the agent's link, then tops up and pays at the sandbox cashier; the credit
 * completes the task.
 */
let world: SandboxWorld
let bff: TestBff
let agentToken: string

const IOT = '1000000001'
const as = (token: string) => ({ authorization: `Bearer ${token}` })

beforeAll(async () => {
  world = await openWorld(testPayments)
  bff = await world.startInstance()
  await bff.container.agents.service.createAgent({
    loginName: 'kf01',
    displayName: '客服 0231',
    role: 'csr',
    team: '客服中心',
    areas: [],
    password: 'kf01-test-Passw0rd',
  })
  const session = await request(bff.url)
    .post('/api/v1/agent/session')
    .send({ loginName: 'kf01', password: 'kf01-test-Passw0rd' })
    .expect(201)
  agentToken = session.body.token as string
}, 60_000)
afterAll(async () => {
  await world?.close()
})

async function taskStatus(taskId: string): Promise<string | undefined> {
  const res = await request(bff.url).get('/api/v1/agent/tasks?status=all').set(as(agentToken))
  const items = res.body.items as { taskId: string; status: string }[]
  return items.find((t) => t.taskId === taskId)?.status
}

test('when the resident opens a top-up task and the payment is credited, then the task goes sent → opened → done', async () => {
  const sent = await request(bff.url)
    .post('/api/v1/agent/tasks')
    .set(as(agentToken))
    .set('idempotency-key', idemKey())
    .send({ accountNo: IOT, kind: 'top_up' })
  expect(sent.status).toBe(201)
  expect(await taskStatus(sent.body.taskId)).toBe('sent')

  const { token } = await bff.login()
  const link = new URL(sent.body.miniProgramPath, 'https://x').searchParams.get('agentLink')
  await request(bff.url)
    .post(`/api/v1/agent-links/${link}/redeem`)
    .set(as(token))
    .set('idempotency-key', idemKey())
    .send({})
    .expect(201)
  expect(await taskStatus(sent.body.taskId)).toBe('opened')

  const order = await request(bff.url)
    .post(`/api/v1/accounts/${IOT}/recharges`)
    .set(as(token))
    .set('idempotency-key', idemKey())
    .send({ amountFen: 5000, channel: 'h5' })
  expect(order.status).toBe(201)
  await pay(world, order.body.orderNo as string)
  await eventually(async () => {
    expect(await taskStatus(sent.body.taskId)).toBe('done')
  }, 20_000)
  const open = await request(bff.url).get('/api/v1/agent/tasks?status=open').set(as(agentToken))
  expect(open.body.items).not.toContainEqual(expect.objectContaining({ taskId: sent.body.taskId }))
})

/** The resident's side of 代办: a resident bound to the account, and the agent's code. */
async function proposed(body: object): Promise<{ id: string; code: string; taskId: string }> {
  const res = await request(bff.url)
    .post('/api/v1/agent/proxy-requests')
    .set(as(agentToken))
    .set('idempotency-key', idemKey())
    .send(body)
  expect(res.status).toBe(201)
  return { id: res.body.request.id, code: res.body.code, taskId: res.body.request.taskId }
}

function confirmed(token: string, id: string, body: object) {
  return request(bff.url)
    .post(`/api/v1/accounts/${IOT}/proxy-requests/${id}/confirm`)
    .set(as(token))
    .set('idempotency-key', idemKey())
    .send(body)
}

test('when the resident confirms a 代办 top-up with the code, then the order is theirs to pay, the code cannot be used again, and the credit completes the task', async () => {
  const sent = await proposed({ kind: 'top_up', accountNo: IOT, amountFen: 3000 })
  expect(await taskStatus(sent.taskId)).toBe('sent')
  const resident = await bff.login()
  await bff.bind(resident.userId, IOT)

  const res = await confirmed(resident.token, sent.id, { code: sent.code, channel: 'h5' })
  expect(res.status).toBe(201)
  expect(res.body.order).toMatchObject({
    accountNo: IOT,
    purpose: 'recharge',
    amountFen: 3000,
    clientParams: { kind: 'h5' },
  })
  const orderNo = res.body.order.orderNo as string
  // The order is the resident's own: it is in their list, made with their session.
  const theirs = await request(bff.url)
    .get(`/api/v1/accounts/${IOT}/recharges`)
    .set(as(resident.token))
  expect(theirs.body.orders).toContainEqual(expect.objectContaining({ orderNo }))
  expect(await taskStatus(sent.taskId)).toBe('opened')

  const reused = await confirmed(resident.token, sent.id, { code: sent.code, channel: 'h5' })
  expect(reused.status).toBe(409)
  expect(reused.body.error).toMatchObject({
    code: 'PROXY_REQUEST_USED',
    message: '这条代办已经确认过了，请在缴费记录或报修记录中查看',
  })

  await pay(world, orderNo)
  await eventually(async () => {
    expect(await taskStatus(sent.taskId)).toBe('done')
  }, 20_000)
  const agentSees = await request(bff.url).get('/api/v1/agent/proxy-requests').set(as(agentToken))
  expect(agentSees.body.items).toContainEqual(
    expect.objectContaining({ id: sent.id, status: 'confirmed', orderNo }),
  )
})

/** The resident's 入户安检 page of the account, with nothing booked (a booked one is cancelled). */
async function inspectionsFreed(token: string) {
  const page = await request(bff.url).get(`/api/v1/accounts/${IOT}/inspections`).set(as(token))
  expect(page.status).toBe(200)
  if (!page.body.next) return page.body
  const cancelled = await request(bff.url)
    .post(`/api/v1/accounts/${IOT}/inspections`)
    .set(as(token))
    .set('idempotency-key', idemKey())
    .send({ action: 'cancel', inspectionId: page.body.next.inspectionId })
  expect(cancelled.status).toBe(201)
  return cancelled.body
}

type SlotOption = { date: string; window: string; available: boolean }

test('when the resident opens a book_inspection task and books the inspection, then the task lands on 入户安检 and turns done', async () => {
  const resident = await bff.login()
  await bff.bind(resident.userId, IOT)
  await inspectionsFreed(resident.token)
  const sent = await request(bff.url)
    .post('/api/v1/agent/tasks')
    .set(as(agentToken))
    .set('idempotency-key', idemKey())
    .send({ accountNo: IOT, kind: 'book_inspection' })
  expect(sent.status).toBe(201)
  const link = new URL(sent.body.miniProgramPath, 'https://x').searchParams.get('agentLink')
  const opened = await request(bff.url)
    .post(`/api/v1/agent-links/${link}/redeem`)
    .set(as(resident.token))
    .set('idempotency-key', idemKey())
    .send({})
  expect(opened.status).toBe(201)
  expect(opened.body.path).toBe(`/pages-safety/inspections/index?accountNo=${IOT}`)
  expect(await taskStatus(sent.body.taskId)).toBe('opened')

  const page = await request(bff.url)
    .get(`/api/v1/accounts/${IOT}/inspections`)
    .set(as(resident.token))
  const slot = (page.body.slots as SlotOption[]).find((s) => s.available)
  const booked = await request(bff.url)
    .post(`/api/v1/accounts/${IOT}/inspections`)
    .set(as(resident.token))
    .set('idempotency-key', idemKey())
    .send({ action: 'book', slot: { date: slot?.date, window: slot?.window } })
  expect(booked.status).toBe(201)
  expect(await taskStatus(sent.body.taskId)).toBe('done')
  await inspectionsFreed(resident.token)
})

test('when the resident confirms a 代办 inspection booking, then the inspection is booked in the slot through 入户安检 (no work order) and the task is done', async () => {
  const resident = await bff.login()
  await bff.bind(resident.userId, IOT)
  await inspectionsFreed(resident.token)
  const options = await request(bff.url)
    .get(`/api/v1/agent/accounts/${IOT}/booking-options`)
    .set(as(agentToken))
  expect(options.status).toBe(200)
  const slot = (options.body.inspectionSlots as SlotOption[]).find((s) => s.available)
  expect(slot).toBeDefined()
  // A slot the inspection list does not offer is refused to the agent at once.
  const offList = await request(bff.url)
    .post('/api/v1/agent/proxy-requests')
    .set(as(agentToken))
    .set('idempotency-key', idemKey())
    .send({ kind: 'book_inspection', accountNo: IOT, slot: { date: '2020-01-01', window: 'am' } })
  expect(offList.body.error?.code).toBe('INSPECTION_SLOT_UNAVAILABLE')

  const sent = await proposed({
    kind: 'book_inspection',
    accountNo: IOT,
    slot: { date: slot?.date, window: slot?.window },
  })
  const res = await confirmed(resident.token, sent.id, { code: sent.code })
  expect(res.status).toBe(201)
  expect(res.body.repair).toBeNull()
  expect(res.body.inspection).toMatchObject({
    state: 'booked',
    slot: { date: slot?.date, window: slot?.window },
  })
  // The resident's own 入户安检 page shows it booked.
  const page = await request(bff.url)
    .get(`/api/v1/accounts/${IOT}/inspections`)
    .set(as(resident.token))
  expect(page.body.next).toMatchObject({ inspectionId: res.body.inspection.inspectionId })
  expect(await taskStatus(sent.taskId)).toBe('done')
  const agentSees = await request(bff.url).get('/api/v1/agent/proxy-requests').set(as(agentToken))
  expect(agentSees.body.items).toContainEqual(
    expect.objectContaining({
      id: sent.id,
      status: 'confirmed',
      repairNo: null,
      inspectionId: res.body.inspection.inspectionId,
    }),
  )
  await inspectionsFreed(resident.token)
})

test('when a task is sent with the mini-program configured, then its mini-program code decodes to the stored task’s scene and page, and the scene resolves', async () => {
  const sent = await request(bff.url)
    .post('/api/v1/agent/tasks')
    .set(as(agentToken))
    .set('idempotency-key', idemKey())
    .send({ accountNo: IOT, kind: 'pay_bill' })
  expect(sent.status).toBe(201)
  const scene = sent.body.scene as string
  expect(sent.body.qrPng).toMatch(/^data:image\/png;base64,/)
  const png = Buffer.from(
    String(sent.body.wxaCodePng).replace(/^data:image\/png;base64,/, ''),
    'base64',
  )
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  const decoded = jsQR(new Uint8ClampedArray(data), info.width, info.height)
  const content = new URL(decoded?.data ?? 'about:blank')
  expect(content.searchParams.get('scene')).toBe(scene)
  expect(content.searchParams.get('page')).toBe('pages/bind/index')
  // The scene is the stored, signed link of this task.
  const landing = await request(bff.url).get(`/api/v1/scene/${scene}`)
  expect(landing.status).toBe(200)
  expect(landing.body.path).toBe(`/pages/bind/index?agentLink=${scene}`)
  const opened = await request(bff.url)
    .get(`/api/v1/agent-links/${scene}`)
    .set(as((await bff.login()).token))
  expect(opened.status).toBe(200)
})

test('when an agent searches by the holder’s phone number in the CIS, then the account is found, masked', async () => {
  const account = await bff.container.ports.customers.getAccount(IOT)
  const phone = account?.phone ?? ''
  const res = await request(bff.url)
    .post('/api/v1/agent/account-searches')
    .send({ q: `${phone}` })
    .set(as(agentToken))
  expect(res.status).toBe(201)
  expect(res.body.items).toContainEqual(
    expect.objectContaining({
      accountNo: IOT,
      phoneMasked: `${phone.slice(0, 3)}****${phone.slice(7)}`,
    }),
  )
  expect(JSON.stringify(res.body)).not.toContain(phone)
})
