import request from 'supertest'
import { toShanghaiIso } from '../src/platform/time'
import type { TestBff } from './harness'
import {
  eventually,
  ledgerOf,
  openWorld,
  pay,
  storedOrder,
  testPayments,
  type Resident,
  type SandboxWorld,
} from './sandbox-payments-helpers'

/**
 * IC-card top-ups against the real core sandbox (its clock pinned by openWorld): the meter
 * system records each purchase and, later, when the card was written at a service point.
 */
let world: SandboxWorld
let bff: TestBff
let resident: Resident

const IC = '1000000002'

beforeAll(async () => {
  world = await openWorld(testPayments)
  bff = await world.startInstance()
  resident = await world.resident(IC)
}, 60_000)
afterAll(async () => {
  await world?.close()
})

async function paidAndAwaitingCard(amountFen: number): Promise<{ orderNo: string; id: string }> {
  const orderNo = await resident.create(IC, 'recharge', amountFen)
  await pay(world, orderNo)
  await eventually(async () =>
    expect((await resident.read(IC, 'recharge', orderNo)).state).toBe('AWAITING_CARD_WRITE'),
  )
  return { orderNo, id: (await storedOrder(bff, orderNo)).id }
}

const writeCard = (purchaseId: string) =>
  world
    .core()
    .post(`/meters/v1/ic/purchases/${purchaseId}/write`)
    .send({ by: 'agent', agentId: 'AG-TEST-01' })
    .expect(200)

test('when an IC-card top-up still waits for its card write, then a second one is refused at creation with the reason, and after the write a new one is accepted', async () => {
  const first = await paidAndAwaitingCard(2000)

  const second = await request(bff.url)
    .post(`/api/v1/accounts/${IC}/recharges`)
    .set('authorization', `Bearer ${resident.token}`)
    .set('idempotency-key', `k-second-${first.id}`)
    .send({ amountFen: 2000, channel: 'h5' })
  expect(second.status).toBe(409)
  expect(second.body.error.code).toBe('CARD_WRITE_PENDING')
  expect(second.body.error.message).toContain('上一笔充值还未写卡，请先')
  // Nothing was paid that would have to be refunded.
  const ledger = (await world.core().get(`/sandbox/ledger?accountNo=${IC}`).expect(200)).body
  expect(ledger.icPurchases).toHaveLength(1)
  expect(ledger.refunds).toHaveLength(0)

  await writeCard(first.id)
  await eventually(async () =>
    expect((await resident.read(IC, 'recharge', first.orderNo)).state).toBe('CARD_WRITTEN'),
  )
  await expect(resident.create(IC, 'recharge', 2000)).resolves.toEqual(expect.any(String))
}, 30_000)

test('when the card is written minutes after the payment, then the timeline’s 已写卡 step shows when the meter system wrote it', async () => {
  const order = await paidAndAwaitingCard(3000)
  // The resident reaches the write point four minutes later, by the meter system's clock.
  await world.core().post('/sandbox/clock').send({ advanceMs: 240_000 }).expect(200)
  await writeCard(order.id)
  const [purchase] = (await ledgerOf(world, IC, order.id)).icPurchases
  if (!purchase?.writtenAt) throw new Error('the purchase is not written')

  await eventually(async () =>
    expect((await resident.read(IC, 'recharge', order.orderNo)).state).toBe('CARD_WRITTEN'),
  )
  const read = await request(bff.url)
    .get(`/api/v1/accounts/${IC}/recharges/${order.orderNo}`)
    .set('authorization', `Bearer ${resident.token}`)
    .expect(200)
  const step = (read.body.timeline as { state: string; at: string | null }[]).find(
    (s) => s.state === 'CARD_WRITTEN',
  )
  expect(step?.at).toBe(toShanghaiIso(new Date(purchase.writtenAt)))
}, 30_000)
