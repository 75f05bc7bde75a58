import type { TestBff } from './harness'
import {
  eventually,
  ledgerOf,
  notificationsOf,
  notifyPath,
  openWorld,
  pay,
  storedOrder,
  testPayments,
  type DeliveryAttempt,
  type Purpose,
  type Resident,
  type SandboxWorld,
} from './sandbox-payments-helpers'

/**
 * Notification faults from the real sandbox (signed, encrypted WeChat Pay v3 notifications) to
 * two BFF instances sharing one database and one Redis. Polling is a minute away, so only the
 * notifications can move an order to PAID here.
 */
let world: SandboxWorld
let a: TestBff
let b: TestBff
let resident: Resident

const IOT = '1000000001'
const IC = '1000000002'
/** 陈静, the arrears persona: overdue bills whatever the sandbox's date. */
const POSTPAID_OWING = '1000000005'

beforeAll(async () => {
  world = await openWorld(testPayments)
  a = await world.startInstance()
  b = await world.startInstance()
  resident = await world.resident(IOT, IC, POSTPAID_OWING)
}, 60_000)
afterAll(async () => {
  await world?.close()
})
afterEach(async () => {
  await world.core().delete('/sandbox/notifications/faults').expect(204)
})

const paidNotifyFlow = [
  '→CREATED:created',
  'CREATED→PAYING:provider_order',
  'PAYING→PAID:paid_notify',
  'PAID→CREDITING:credit_sent',
]

/** The order's one notification is delivered 10 times at once to each instance: 20 copies. */
async function payWithConcurrentCopies(orderNo: string): Promise<void> {
  await world
    .core()
    .post('/sandbox/notifications/faults')
    .send({
      provider: 'wechatpay',
      mode: 'concurrent',
      count: 10,
      targets: [a.url + notifyPath, b.url + notifyPath],
      outTradeNo: orderNo,
    })
    .expect(200)
  await pay(world, orderNo)
}

async function expectTwentyAcceptedCopies(orderNo: string): Promise<void> {
  const notices = await notificationsOf(world, orderNo)
  expect(notices).toHaveLength(1)
  const attempts = notices[0]?.attempts ?? []
  expect(attempts).toHaveLength(20)
  expect(attempts.filter((t) => t.target === a.url + notifyPath)).toHaveLength(10)
  expect(attempts.filter((t) => t.target === b.url + notifyPath)).toHaveLength(10)
  // Every copy is acknowledged (204), so WeChat would not retry; only one of them applied.
  expect(attempts.every((t) => t.accepted && t.status === 204)).toBe(true)
}

async function expectState(accountNo: string, purpose: Purpose, orderNo: string, state: string) {
  await eventually(async () => {
    expect((await storedOrder(a, orderNo)).state).toBe(state)
  }, 15_000)
  // Both instances answer the resident the same, from the shared database.
  expect((await resident.read(accountNo, purpose, orderNo, a)).state).toBe(state)
  expect((await resident.read(accountNo, purpose, orderNo, b)).state).toBe(state)
}

test('when an IoT top-up notification reaches two instances 20 times at once, then the meter is credited exactly once and the order ends CREDITED', async () => {
  const orderNo = await resident.create(IOT, 'recharge', 2000)
  await payWithConcurrentCopies(orderNo)

  await expectState(IOT, 'recharge', orderNo, 'CREDITED')
  await expectTwentyAcceptedCopies(orderNo)
  const order = await storedOrder(b, orderNo)
  expect(order.transitions).toEqual([...paidNotifyFlow, 'CREDITING→CREDITED:credit_applied'])
  const ledger = await ledgerOf(world, IOT, order.id)
  expect(ledger.postings).toEqual([expect.objectContaining({ amountFen: 2000 })])
  expect(ledger.credits).toEqual([expect.objectContaining({ amountFen: 2000, status: 'applied' })])
  expect(ledger.refunds).toHaveLength(0)
}, 30_000)

test('when an IC-card top-up notification reaches two instances 20 times at once, then one purchase awaits the card write and writing the card ends the order CARD_WRITTEN', async () => {
  const orderNo = await resident.create(IC, 'recharge', 3000)
  await payWithConcurrentCopies(orderNo)

  await expectState(IC, 'recharge', orderNo, 'AWAITING_CARD_WRITE')
  await expectTwentyAcceptedCopies(orderNo)
  const { id } = await storedOrder(a, orderNo)
  const awaiting = await ledgerOf(world, IC, id)
  expect(awaiting.postings).toEqual([expect.objectContaining({ amountFen: 3000 })])
  expect(awaiting.icPurchases).toEqual([
    expect.objectContaining({ amountFen: 3000, status: 'awaiting_card_write' }),
  ])

  // The resident inserts the card at a service point (the meter system's write step).
  await world
    .core()
    .post(`/meters/v1/ic/purchases/${id}/write`)
    .send({ by: 'agent', agentId: 'AG-TEST-01' })
    .expect(200)
  await expectState(IC, 'recharge', orderNo, 'CARD_WRITTEN')
  expect((await storedOrder(b, orderNo)).transitions).toEqual([
    ...paidNotifyFlow,
    'CREDITING→CREDITED:credit_awaiting_card_write',
    'CREDITED→AWAITING_CARD_WRITE:card_write_needed',
    'AWAITING_CARD_WRITE→CARD_WRITTEN:card_written',
  ])
  const written = await ledgerOf(world, IC, id)
  expect(written.postings).toHaveLength(1)
  expect(written.icPurchases).toEqual([expect.objectContaining({ status: 'written' })])
  expect(written.refunds).toHaveLength(0)
}, 30_000)

test('when a bill-payment notification reaches two instances 20 times at once, then billing posts the payment exactly once and the order ends CREDITED', async () => {
  const owed = await resident.owedFen(POSTPAID_OWING)
  expect(owed).toBeGreaterThan(0)
  const orderNo = await resident.create(POSTPAID_OWING, 'bill', owed)
  await payWithConcurrentCopies(orderNo)

  await expectState(POSTPAID_OWING, 'bill', orderNo, 'CREDITED')
  await expectTwentyAcceptedCopies(orderNo)
  const order = await storedOrder(b, orderNo)
  expect(order.transitions).toEqual([...paidNotifyFlow, 'CREDITING→CREDITED:credit_applied'])
  const ledger = await ledgerOf(world, POSTPAID_OWING, order.id)
  expect(ledger.postings).toEqual([expect.objectContaining({ amountFen: owed })])
  expect(ledger.refunds).toHaveLength(0)
  expect(await resident.owedFen(POSTPAID_OWING)).toBe(0)
}, 30_000)

test('when an order’s notification is held back and sent after a later order’s, then both orders are credited exactly once', async () => {
  const first = await resident.create(IOT, 'recharge', 1500)
  const second = await resident.create(IOT, 'recharge', 1600)
  await world
    .core()
    .post('/sandbox/notifications/faults')
    .send({ provider: 'wechatpay', mode: 'reorder', outTradeNo: first })
    .expect(200)
  await pay(world, first)
  expect((await notificationsOf(world, first))[0]?.state).toBe('held')
  expect((await storedOrder(a, first)).state).toBe('PAYING')

  await pay(world, second)
  await expectState(IOT, 'recharge', second, 'CREDITED')
  await expectState(IOT, 'recharge', first, 'CREDITED')

  const [late] = await notificationsOf(world, first)
  const [early] = await notificationsOf(world, second)
  expect(late?.state).toBe('delivered')
  expect(Date.parse(firstAttemptAt(late))).toBeGreaterThanOrEqual(Date.parse(firstAttemptAt(early)))
  for (const [orderNo, amountFen] of [
    [first, 1500],
    [second, 1600],
  ] as const) {
    const order = await storedOrder(b, orderNo)
    expect(order.transitions).toEqual([...paidNotifyFlow, 'CREDITING→CREDITED:credit_applied'])
    const ledger = await ledgerOf(world, IOT, order.id)
    expect(ledger.credits).toEqual([expect.objectContaining({ amountFen, status: 'applied' })])
    expect(ledger.postings).toHaveLength(1)
  }
}, 30_000)

function firstAttemptAt(notice: { attempts: DeliveryAttempt[] } | undefined): string {
  return notice?.attempts[0]?.at ?? ''
}
