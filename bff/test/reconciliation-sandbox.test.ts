import { randomUUID } from 'node:crypto'
import request from 'supertest'
import type { ReconciliationFindingRow } from '../src/reconciliation/finding-entity'
import { FindingStore } from '../src/reconciliation/finding-store'
import { ReconciliationOrders } from '../src/reconciliation/order-reads'
import { ReconciliationService } from '../src/reconciliation/reconciliation-service'
import { Repairs } from '../src/reconciliation/repairs'
import { randomNamespace } from './auth-fakes'
import { startBff, type TestBff } from './harness'
import { fastPayments } from './payment-fakes'
import {
  eventually,
  ledgerOf,
  openWorld,
  storedOrder,
  type Resident,
  type SandboxWorld,
} from './sandbox-payments-helpers'

/**
 * Daily reconciliation against the real core sandbox: the providers' bill files as they serve
 * them (WeChat Pay gzip CSV, Alipay ZIP of GBK CSV), billing's postings, our orders.
 */
const IOT = '1000000001'
const DAY_MS = 86_400_000
const OPS_TOKEN = `ops-${randomUUID()}`

let world: SandboxWorld
let bff: TestBff
let resident: Resident
let day = ''
let paidNo = ''
let alipayNo = ''
let lostNo = ''

/** The Shanghai day after `d`, at 10:30, when both providers have published its bill. */
const morningAfter = (d: string) =>
  new Date(new Date(`${d}T10:30:00+08:00`).getTime() + DAY_MS).toISOString()
const nextDay = (d: string) => morningAfter(d).slice(0, 10)

const rowsOf = (rows: ReconciliationFindingRow[], outTradeNo: string) =>
  rows
    .filter((r) => r.outTradeNo === outTradeNo)
    .map(({ category, status, action, ourState, providerFen, billingFen }) => ({
      category,
      status,
      action,
      ourState,
      providerFen,
      billingFen,
    }))

async function payByAlipay(amountFen: number): Promise<string> {
  const login = await request(bff.url)
    .post('/api/v1/auth/alipay')
    .send({ authCode: 'sandbox-qian' })
  expect(login.status).toBe(201)
  await bff.bind(login.body.user.id as string, IOT)
  const created = await request(bff.url)
    .post(`/api/v1/accounts/${IOT}/recharges`)
    .set('authorization', `Bearer ${login.body.token as string}`)
    .set('idempotency-key', `k-${randomUUID()}`)
    .send({ amountFen, channel: 'alipay' })
  expect(created.status).toBe(201)
  const orderNo = created.body.orderNo as string
  await world.core().post(`/sandbox/payments/${orderNo}/pay`).send({}).expect(200)
  return orderNo
}

beforeAll(async () => {
  // No sweep and no early poll: only a notification (or reconciliation) tells the BFF of a payment.
  world = await openWorld({
    ...fastPayments,
    pollDelaysMs: [600_000],
    sweepEveryMs: 3_600_000,
    sweepStaleMs: 3_600_000,
  })
  bff = await world.startInstance()
  resident = await world.resident(IOT)
  day = ((await world.core().get('/sandbox/clock').expect(200)).body.now as string).slice(0, 10)
}, 30_000)
afterAll(async () => {
  await world?.close()
})

const run = (d: string) => bff.container.reconciliation.service.run(d)

test('when a day has a credited payment and a paid order whose notification was lost and that we closed, then the first matches and the second is applied, credited once and marked repaired', async () => {
  paidNo = await resident.create(IOT, 'recharge', 2000)
  await world.core().post(`/sandbox/payments/${paidNo}/pay`).send({}).expect(200)
  alipayNo = await payByAlipay(3000)
  for (const no of [paidNo, alipayNo]) {
    await eventually(async () => expect((await storedOrder(bff, no)).state).toBe('CREDITED'))
  }

  lostNo = await resident.create(IOT, 'recharge', 4000)
  await world
    .core()
    .post('/sandbox/notifications/faults')
    .send({ provider: 'wechatpay', mode: 'lost', outTradeNo: lostNo })
    .expect(200)
  const lost = await storedOrder(bff, lostNo)
  // Our close won locally while the payer was paying (e.g. the provider's close call failed).
  await bff.container.payments.orders.advance(lost.id, 'CLOSED', 'expired')
  await world.core().post(`/sandbox/payments/${lostNo}/pay`).send({}).expect(200)

  await world
    .core()
    .post('/sandbox/clock')
    .send({ set: morningAfter(day) })
    .expect(200)
  const result = await run(day)

  expect(result.unavailable).toEqual([])
  expect(result.repaired).toBe(1)
  expect(rowsOf(result.findings, paidNo)).toEqual([
    {
      category: 'matched',
      status: 'ok',
      action: 'none',
      ourState: 'CREDITED',
      providerFen: 2000,
      billingFen: 2000,
    },
  ])
  expect(rowsOf(result.findings, alipayNo)).toEqual([
    expect.objectContaining({ category: 'matched', status: 'ok', providerFen: 3000 }),
  ])
  expect(rowsOf(result.findings, lostNo)).toEqual([
    {
      category: 'paid_not_recorded',
      status: 'repaired',
      action: 'payment_applied',
      ourState: 'CLOSED',
      providerFen: 4000,
      billingFen: null,
    },
  ])
  await eventually(async () => expect((await storedOrder(bff, lostNo)).state).toBe('CREDITED'))
  const ledger = await ledgerOf(world, IOT, lost.id)
  expect(ledger.postings).toEqual([expect.objectContaining({ amountFen: 4000 })])
  expect(ledger.credits).toEqual([expect.objectContaining({ amountFen: 4000, status: 'applied' })])
}, 60_000)

test('when the same day is reconciled again, then nothing is repaired twice and the repaired row stays', async () => {
  const lost = await storedOrder(bff, lostNo)
  const again = await run(day)
  const third = await run(day)

  expect(again.repaired).toBe(0)
  expect(third.repaired).toBe(0)
  expect(third.findings).toHaveLength(again.findings.length)
  expect(rowsOf(again.findings, lostNo)).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ category: 'paid_not_recorded', status: 'repaired' }),
      expect.objectContaining({ category: 'matched', status: 'ok', billingFen: 4000 }),
    ]),
  )
  expect((await storedOrder(bff, lostNo)).transitions).toEqual(lost.transitions)
  const ledger = await ledgerOf(world, IOT, lost.id)
  expect(ledger.postings).toHaveLength(1)
  expect(ledger.credits).toHaveLength(1)
}, 30_000)

test('when a credited payment was refunded in the merchant console, then the next day reports it open and the order stays credited', async () => {
  await bff.container.ports.payments.providers.wechatpay.refund({
    outTradeNo: paidNo,
    outRefundNo: `${paidNo}M1`,
    amountFen: 2000,
    totalFen: 2000,
    reason: '商户后台退款',
  })
  const refundDay = nextDay(day)
  await world
    .core()
    .post('/sandbox/clock')
    .send({ set: morningAfter(refundDay) })
    .expect(200)
  const result = await run(refundDay)

  expect(rowsOf(result.findings, paidNo)).toEqual([
    {
      category: 'refund_not_recorded',
      status: 'open',
      action: 'none',
      ourState: 'CREDITED',
      providerFen: 2000,
      billingFen: null,
    },
  ])
  expect((await storedOrder(bff, paidNo)).state).toBe('CREDITED')
}, 30_000)

test('when an operator asks for a day with the OPS_TOKEN, then the findings come back; without it, nothing', async () => {
  const ops = await startBff({
    upstreamUrl: world.sandboxUrl,
    now: world.now,
    databaseUrl: bff.databaseUrl,
    env: { RATE_LIMIT_NAMESPACE: randomNamespace(), OPS_TOKEN },
  })
  try {
    const path = `/ops/reconciliation?day=${nextDay(day)}`
    await request(ops.url).get(path).expect(401)
    await request(ops.url).get(path).set('authorization', 'Bearer wrong-token').expect(401)
    const read = await request(ops.url).get(path).set('authorization', `Bearer ${OPS_TOKEN}`)
    expect(read.status).toBe(200)
    expect(read.body.summary.open).toBe(1)
    expect(read.body.findings[0]).toMatchObject({
      outTradeNo: paidNo,
      category: 'refund_not_recorded',
      status: 'open',
      createdAt: expect.stringMatching(/\+08:00$/),
    })
    const badDay = '/ops/reconciliation?day=2026-02-30'
    await request(ops.url).get(badDay).set('authorization', `Bearer ${OPS_TOKEN}`).expect(400)
    // Without the setting the route does not exist, and it is never in the residents' document.
    await request(bff.url).get(path).set('authorization', `Bearer ${OPS_TOKEN}`).expect(404)
    expect(Object.keys(ops.bff.openapi.paths ?? {})).not.toContain('/ops/reconciliation')
  } finally {
    await ops.close()
  }
}, 30_000)

test('when the BFF starts, then the daily run is scheduled at 10:00 Shanghai', async () => {
  await eventually(async () => {
    const schedule = await bff.container.reconciliation.jobs.schedule()
    expect(schedule).toMatchObject({ pattern: '0 10 * * *', tz: 'Asia/Shanghai' })
  })
})

test('when billing answers a day without the posting of a credited order, then it is credited again under the same key and billing still holds one posting', async () => {
  const c = bff.container
  // A billing whose day read lost the posting: the repair must lean on billing's idempotency.
  const blind = new ReconciliationService(
    {
      ...c.ports.reconciliation,
      ledger: { postingsOfDay: async () => ({ payments: [], refunds: [] }) },
    },
    new ReconciliationOrders(c.db),
    new FindingStore(c.db, c.now),
    new Repairs(c.payments, c.ports.payments, c.logger),
    c.logger,
  )
  const alipayOrder = await storedOrder(bff, alipayNo)
  const result = await blind.run(day)

  expect(rowsOf(result.findings, alipayNo)).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        category: 'credit_missing',
        status: 'repaired',
        action: 'credit_reposted',
      }),
    ]),
  )
  const ledger = await ledgerOf(world, IOT, alipayOrder.id)
  expect(ledger.postings).toHaveLength(1)
  expect(ledger.credits).toHaveLength(1)
  expect((await storedOrder(bff, alipayNo)).state).toBe('CREDITED')
}, 30_000)
