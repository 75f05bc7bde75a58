import fc from 'fast-check'
import type { DataSource } from 'typeorm'
import type { OrderState } from '@gh/shared'
import { OrderTransitionRow } from '../src/payments/order-entity'
import { OrderRepository } from '../src/payments/order-repository'
import { AWAITING_PAYMENT, canMove } from '../src/payments/order-state'
import { PaymentIntake } from '../src/payments/payment-intake'
import { defaultPaymentSettings } from '../src/payments/payment-settings'
import { PaymentWatch } from '../src/payments/payment-watch'
import type { PaymentPorts } from '../src/payments/ports'
import type { CreditTarget } from '../src/upstream/billing/billing-port'
import {
  NotificationRejected,
  type PaymentProvider,
} from '../src/upstream/payment-providers/payment-providers-port'
import { RechargeService } from '../src/payments/recharge-service'
import { Settlement } from '../src/payments/settlement'
import { entities } from '../src/composition/entities'
import { openDatabase } from '../src/platform/db/data-source'
import { createLogger } from '../src/platform/logger'
import { freshPostgres } from './harness'
import { paymentFakes, type PaymentFakes, type SignedNotification } from './payment-fakes'

/**
 * Random interleavings of what the outside world does (the payer pays, the provider notifies,
 * repeats or reorders notifications, billing fails, the meter goes offline, time passes) and
 * what our jobs do (poll, settle, retry), several at once, with every upstream answer released
 * in an order fast-check chooses. The real repository runs on PostgreSQL.
 */

type Command =
  | { kind: 'pay' }
  | { kind: 'notify' }
  | { kind: 'replay'; pick: number }
  | { kind: 'refundNotify' }
  | { kind: 'poll' }
  | { kind: 'settle' }
  | { kind: 'billingFails'; times: number }
  | { kind: 'meterOffline' }
  | { kind: 'meterOnline' }
  | { kind: 'advance'; ms: number }

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.constant({ kind: 'pay' as const }),
  { arbitrary: fc.constant({ kind: 'notify' as const }), weight: 3 },
  fc.record({ kind: fc.constant('replay' as const), pick: fc.nat() }),
  fc.constant({ kind: 'refundNotify' as const }),
  { arbitrary: fc.constant({ kind: 'poll' as const }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'settle' as const }), weight: 3 },
  fc.record({ kind: fc.constant('billingFails' as const), times: fc.integer({ min: 1, max: 3 }) }),
  fc.constant({ kind: 'meterOffline' as const }),
  fc.constant({ kind: 'meterOnline' as const }),
  fc.record({
    kind: fc.constant('advance' as const),
    ms: fc.integer({ min: 1_000, max: 200_000 }),
  }),
)

const settings = { ...defaultPaymentSettings, orderTtlMs: 300_000, creditDeadlineMs: 400_000 }
const logger = createLogger('silent')
let db: DataSource
let runNo = 0

beforeAll(async () => {
  db = await openDatabase({ type: 'postgres', url: await freshPostgres() }, entities)
})
afterAll(() => db.destroy())

/** Ports whose calls start only when the scheduler lets them, in the order it picks. */
function scheduled(s: fc.Scheduler, f: PaymentFakes): PaymentPorts {
  const later =
    <A extends unknown[], R>(label: string, fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      s.schedule(Promise.resolve(label)).then(() => fn(...args))
  const p = f.wechatpay
  const provider: PaymentProvider = {
    name: 'wechatpay',
    createOrder: (r) => p.createOrder(r),
    query: later('query', (n) => p.query(n)),
    close: later('close', (n) => p.close(n)),
    refund: later('refund', (r) => p.refund(r)),
    queryRefund: later('queryRefund', (n, r) => p.queryRefund(n, r)),
    verifyNotification: later('verify', (h, b) => p.verifyNotification(h, b)),
  }
  const b = f.billing
  const credit: CreditTarget = {
    credit: later('credit', (r) => b.credit(r)),
    status: later('status', (id) => b.status(id)),
    refundPosting: later('refundPosting', (id) => b.refundPosting(id)),
  }
  return { ...f.ports, providers: { wechatpay: provider, alipay: f.alipay }, credit }
}

async function world(s: fc.Scheduler, isCard: boolean, slowRefunds: boolean) {
  let t = Date.parse('2026-11-26T02:00:00Z')
  const clock = { now: () => new Date(t), advance: (ms: number) => void (t += ms) }
  const fakes = paymentFakes(clock.now)
  const accountNo = String(3_000_000_000 + runNo++)
  const facts = await fakes.accounts.facts('1000000001')
  if (!facts) throw new Error('no base account')
  fakes.accounts.accounts.set(accountNo, { ...facts, kind: isCard ? 'ic_prepaid' : 'iot_prepaid' })
  if (isCard) fakes.billing.cardAccounts.add(accountNo)
  if (slowRefunds) fakes.wechatpay.refundOutcome = 'processing'

  const ports = scheduled(s, fakes)
  const orders = new OrderRepository(db, clock.now)
  const jobs = { settle: async () => undefined, watch: async () => undefined }
  const intake = new PaymentIntake(orders, jobs, ports, logger, clock.now)
  const watch = new PaymentWatch(orders, intake, ports, settings, logger, clock.now)
  const settlement = new Settlement(orders, ports, settings, logger, clock.now)
  const recharges = new RechargeService(
    orders,
    jobs,
    fakes.ports,
    async () => null,
    settings,
    clock.now,
    (_key, work) => work(),
  )
  const order = await recharges.create({
    userId: `u-${accountNo}`,
    accountNo,
    purpose: 'recharge',
    amountFen: 10000,
    channel: 'h5',
    idempotencyKey: `key-${accountNo}`,
  })
  return { fakes, clock, orders, intake, watch, settlement, order, accountNo }
}

type World = Awaited<ReturnType<typeof world>>

async function deliver(w: World, n: SignedNotification): Promise<void> {
  try {
    await w.intake.receive('wechatpay', n.headers, n.body)
  } catch (err) {
    if (!(err instanceof NotificationRejected)) throw err // a stale replay is refused, fine
  }
}

async function run(w: World, c: Command, sent: SignedNotification[]): Promise<void> {
  const no = w.order.outTradeNo
  const refundNo = `RF${no}`
  switch (c.kind) {
    case 'pay':
      return void w.fakes.wechatpay.pay(no)
    case 'notify':
      sent.push(w.fakes.wechatpay.tradeNotification(no))
      return deliver(w, sent[sent.length - 1] as SignedNotification)
    case 'replay':
      return sent.length ? deliver(w, sent[c.pick % sent.length] as SignedNotification) : undefined
    case 'refundNotify':
      if (!w.fakes.wechatpay.refunds.has(refundNo)) return
      return deliver(w, w.fakes.wechatpay.refundNotification(refundNo))
    case 'poll':
      return void (await w.watch.step(w.order.id, 0))
    case 'settle':
      return void (await w.settlement.step(w.order.id, 0))
    case 'billingFails':
      return void (w.fakes.billing.failNext += c.times)
    case 'meterOffline':
      return void w.fakes.billing.offlineMeters.add(w.accountNo)
    case 'meterOnline':
      return w.fakes.billing.meterOnline(w.accountNo)
    case 'advance':
      return w.clock.advance(c.ms)
  }
}

/** Checked after every batch: what must never be true, even for a moment. */
function neverBroken(w: World): void {
  const paid = w.fakes.wechatpay.trades.get(w.order.outTradeNo)?.status === 'paid'
  const credits = w.fakes.billing.effectiveCredits(w.accountNo)
  const refunds = w.fakes.wechatpay.refundsOf(w.order.outTradeNo)
  expect(w.fakes.billing.creditsByKey(w.order.id)).toBeLessThanOrEqual(1)
  expect(credits.length).toBeLessThanOrEqual(1)
  if (w.fakes.billing.postings.has(w.order.id)) expect(paid).toBe(true)
  expect(refunds.length).toBeLessThanOrEqual(1)
  expect(credits.length + refunds.length).toBeLessThanOrEqual(1)
}

/** The world settles down: upstreams recover, time passes, the jobs keep running. */
async function drain(s: fc.Scheduler, w: World): Promise<OrderState> {
  w.fakes.billing.failNext = 0
  for (let i = 0; i < 40; i++) {
    const order = await w.orders.get(w.order.id)
    if (AWAITING_PAYMENT.includes(order.state)) {
      w.clock.advance(settings.orderTtlMs)
      await s.waitFor(w.watch.step(order.id, 0))
    } else if (['CLOSED', 'REFUNDED', 'CARD_WRITTEN'].includes(order.state)) {
      return order.state
    } else if (order.state === 'CREDITED' && order.accountKind !== 'ic_prepaid') {
      return order.state
    } else {
      if (i > 10) w.clock.advance(settings.creditDeadlineMs)
      for (const r of w.fakes.wechatpay.refunds.values()) r.status = 'success'
      if (order.state === 'AWAITING_CARD_WRITE') w.fakes.billing.writeCard(order.id)
      await s.waitFor(w.settlement.step(order.id, 0))
    }
  }
  return (await w.orders.get(w.order.id)).state
}

async function assertPathValid(orderId: string): Promise<void> {
  const rows = await db.getRepository(OrderTransitionRow).find({ where: { orderId } })
  const byFrom = new Map(rows.map((r) => [r.fromState, r]))
  expect(new Set(rows.map((r) => r.toState)).size).toBe(rows.length)
  let state: OrderState | null = null
  for (let i = 0; i < rows.length; i++) {
    const row = byFrom.get(state)
    if (!row) throw new Error(`transitions do not form a path from ${state}`)
    if (row.fromState) expect(canMove(row.fromState, row.toState)).toBe(true)
    state = row.toState
  }
}

test('when notify, query, credit and retry events interleave at random, then no order is credited twice or without payment, and every paid order ends credited or refunded', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.scheduler(),
      fc.array(fc.array(command, { minLength: 1, maxLength: 4 }), { maxLength: 10 }),
      fc.boolean(),
      fc.boolean(),
      async (s, batches, isCard, slowRefunds) => {
        const w = await world(s, isCard, slowRefunds)
        const sent: SignedNotification[] = []
        for (const batch of batches) {
          await s.waitFor(Promise.all(batch.map((c) => run(w, c, sent))))
          neverBroken(w)
        }
        const end = await drain(s, w)
        neverBroken(w)
        await assertPathValid(w.order.id)

        const trade = w.fakes.wechatpay.trades.get(w.order.outTradeNo)
        const credits = w.fakes.billing.effectiveCredits(w.accountNo)
        const refunds = w.fakes.wechatpay.refundsOf(w.order.outTradeNo)
        if (trade?.status === 'paid') {
          expect([isCard ? 'CARD_WRITTEN' : 'CREDITED', 'REFUNDED']).toContain(end)
          if (end === 'REFUNDED') expect(refunds).toEqual([{ amountFen: 10000, status: 'success' }])
          else expect(credits).toHaveLength(1)
        } else {
          expect(end).toBe('CLOSED')
          expect(w.fakes.billing.postings.size).toBe(0)
          expect(refunds).toEqual([])
        }
      },
    ),
    { numRuns: 80 },
  )
}, 120_000)
