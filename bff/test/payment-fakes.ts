import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { ClientPayParams, PayableAccount } from '@gh/shared'
import { defaultResidentialTariff } from '@gh/shared'
import type { OrderNotice, PaymentPorts, ResidentNotices } from '../src/payments/ports'
import type {
  CreditOutcome,
  CreditProgress,
  CreditRequest,
  CreditTarget,
  PaymentAccountsPort,
} from '../src/upstream/billing/billing-port'
import {
  NotificationRejected,
  type PaymentProvider,
  type ProviderEvent,
  type ProviderName,
  type ProviderOrderRequest,
  type ProviderTrade,
  type RefundRequest,
  type RefundStatus,
} from '../src/upstream/payment-providers/payment-providers-port'
import { UpstreamError } from '../src/platform/upstream-client'

interface FakeTrade {
  request: ProviderOrderRequest
  status: 'unpaid' | 'paid' | 'closed'
  paidFen: number | null
  transactionId: string | null
  paidAt: Date | null
}

export interface SignedNotification {
  headers: Record<string, string>
  body: Buffer
}

/**
 * An in-memory payment provider with the rules that matter to exactly-once: an order is paid at
 * most once and only while open, a closed order cannot be paid, a refund is keyed by its number
 * and never exceeds what was paid. Notifications are HMAC-signed over the exact bytes with a
 * timestamp window, so a receiver that re-serialises or skips the check fails.
 */
export class FakeProvider implements PaymentProvider {
  readonly trades = new Map<string, FakeTrade>()
  readonly refunds = new Map<
    string,
    { outTradeNo: string; amountFen: number; status: RefundStatus }
  >()
  /** Provider calls that fail (as a network error) before succeeding again. */
  failQueries = 0
  refundOutcome: RefundStatus = 'success'
  private readonly key = randomBytes(32)
  private seq = 0

  constructor(
    readonly name: ProviderName,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async createOrder(req: ProviderOrderRequest): Promise<ClientPayParams> {
    if (!this.trades.has(req.outTradeNo)) {
      this.trades.set(req.outTradeNo, {
        request: req,
        status: 'unpaid',
        paidFen: null,
        transactionId: null,
        paidAt: null,
      })
    }
    if (req.channel === 'h5') {
      return { kind: 'h5', cashierUrl: `http://127.0.0.1:4100/cashier/${req.outTradeNo}` }
    }
    if (req.channel === 'alipay') return { kind: 'alipay', tradeNO: `2026${req.outTradeNo}` }
    return {
      kind: 'wechat',
      appId: 'wx-test',
      timeStamp: '1764000000',
      nonceStr: 'n0nce',
      package: `prepay_id=wx${req.outTradeNo}`,
      signType: 'RSA',
      paySign: 'c2lnbmF0dXJl',
    }
  }

  async query(outTradeNo: string): Promise<ProviderTrade> {
    if (this.failQueries > 0) {
      this.failQueries--
      throw new UpstreamError(this.name, 'timeout', 'no answer')
    }
    const t = this.trades.get(outTradeNo)
    if (!t) return { status: 'not_found', paidFen: null, transactionId: null, paidAt: null }
    const refunded = [...this.refunds.values()].some((r) => r.outTradeNo === outTradeNo)
    return { ...this.tradeOf(t), status: refunded ? 'refunded' : t.status }
  }

  async close(outTradeNo: string): Promise<'closed' | 'paid'> {
    const t = this.trades.get(outTradeNo)
    if (!t) return 'closed'
    if (t.status === 'paid') return 'paid'
    t.status = 'closed'
    return 'closed'
  }

  async refund(r: RefundRequest): Promise<RefundStatus> {
    const existing = this.refunds.get(r.outRefundNo)
    if (existing) return existing.status
    const t = this.trades.get(r.outTradeNo)
    if (!t || t.status !== 'paid' || r.amountFen > (t.paidFen ?? 0)) {
      throw new UpstreamError(this.name, 'rejected', 'refund not allowed', 400)
    }
    this.refunds.set(r.outRefundNo, {
      outTradeNo: r.outTradeNo,
      amountFen: r.amountFen,
      status: this.refundOutcome,
    })
    return this.refundOutcome
  }

  async queryRefund(_outTradeNo: string, outRefundNo: string): Promise<RefundStatus | 'not_found'> {
    return this.refunds.get(outRefundNo)?.status ?? 'not_found'
  }

  async verifyNotification(
    headers: Record<string, string | undefined>,
    rawBody: Buffer,
  ): Promise<ProviderEvent> {
    const timestamp = headers['x-fake-timestamp'] ?? ''
    const given = Buffer.from(headers['x-fake-signature'] ?? '', 'base64')
    const expected = this.sign(timestamp, rawBody)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new NotificationRejected('bad signature')
    }
    if (Math.abs(this.now().getTime() / 1000 - Number(timestamp)) > 300) {
      throw new NotificationRejected('stale timestamp')
    }
    const event = JSON.parse(rawBody.toString('utf8')) as ProviderEvent & { paidAt: string | null }
    if (event.kind === 'refund') return event
    return { ...event, paidAt: event.paidAt ? new Date(event.paidAt) : null }
  }

  // The payer's side and the provider's outbox, for tests.

  /** The payer pays: only an open order can be paid, once. */
  pay(outTradeNo: string, paidFen?: number): boolean {
    const t = this.trades.get(outTradeNo)
    if (!t || t.status !== 'unpaid' || t.request.expiresAt <= this.now()) return false
    t.status = 'paid'
    t.paidFen = paidFen ?? t.request.amountFen
    t.transactionId = `420000${++this.seq}`
    t.paidAt = this.now()
    return true
  }

  /** The notification the provider would send now about the trade. */
  tradeNotification(outTradeNo: string): SignedNotification {
    const t = this.trades.get(outTradeNo)
    if (!t) throw new Error(`no trade ${outTradeNo}`)
    return this.signed({ kind: 'trade', outTradeNo, ...this.tradeOf(t) })
  }

  refundNotification(outRefundNo: string): SignedNotification {
    const r = this.refunds.get(outRefundNo)
    if (!r) throw new Error(`no refund ${outRefundNo}`)
    return this.signed({ kind: 'refund', outTradeNo: r.outTradeNo, outRefundNo, status: r.status })
  }

  refundsOf(outTradeNo: string): { amountFen: number; status: RefundStatus }[] {
    return [...this.refunds.values()]
      .filter((r) => r.outTradeNo === outTradeNo)
      .map(({ amountFen, status }) => ({ amountFen, status }))
  }

  signed(event: ProviderEvent): SignedNotification {
    const body = Buffer.from(JSON.stringify(event))
    const timestamp = String(Math.floor(this.now().getTime() / 1000))
    return {
      headers: {
        'content-type': 'application/json',
        'x-fake-timestamp': timestamp,
        'x-fake-signature': this.sign(timestamp, body).toString('base64'),
      },
      body,
    }
  }

  private tradeOf(t: FakeTrade): ProviderTrade {
    return {
      status: t.status,
      paidFen: t.paidFen,
      transactionId: t.transactionId,
      paidAt: t.paidAt,
    }
  }

  private sign(timestamp: string, body: Buffer): Buffer {
    return createHmac('sha256', this.key).update(`${timestamp}\n`).update(body).digest()
  }
}

type PostingState = 'pending' | 'applied' | 'awaiting_card_write' | 'card_written' | 'reversed'

interface LedgerEntry {
  idempotencyKey: string
  accountNo: string
  amountFen: number
  kind: 'credit' | 'reversal'
}

/**
 * Billing and meters: an append-only ledger in which a credit is posted once per idempotency
 * key. An offline IoT meter holds a posting as pending until it connects; an IC-card credit
 * waits for the card write; a pending posting can be withdrawn, an applied one cannot.
 */
export class FakeBilling implements CreditTarget {
  readonly ledger: LedgerEntry[] = []
  readonly postings = new Map<
    string,
    { accountNo: string; state: PostingState; writtenAt?: Date }
  >()
  creditCalls = 0
  /** The next n calls fail as a 503. */
  failNext = 0
  readonly offlineMeters = new Set<string>()
  readonly cardAccounts = new Set<string>()

  async credit(req: CreditRequest): Promise<CreditOutcome> {
    this.creditCalls++
    if (this.failNext > 0) {
      this.failNext--
      throw new UpstreamError('billing', 'unavailable', 'status 503', 503)
    }
    let posting = this.postings.get(req.orderId)
    if (!posting) {
      const state: PostingState = this.cardAccounts.has(req.accountNo)
        ? 'awaiting_card_write'
        : this.offlineMeters.has(req.accountNo)
          ? 'pending'
          : 'applied'
      posting = { accountNo: req.accountNo, state }
      this.postings.set(req.orderId, posting)
      this.ledger.push({
        idempotencyKey: req.orderId,
        accountNo: req.accountNo,
        amountFen: req.amountFen,
        kind: 'credit',
      })
    }
    if (posting.state === 'reversed') {
      throw new UpstreamError('billing', 'rejected', 'posting reversed', 409)
    }
    return posting.state === 'card_written' ? 'awaiting_card_write' : posting.state
  }

  async status(orderId: string): Promise<CreditProgress> {
    const posting = this.postings.get(orderId)
    return { status: posting?.state ?? 'unknown', at: posting?.writtenAt ?? null }
  }

  async refundPosting(orderId: string): Promise<'reversed' | 'already_applied'> {
    const posting = this.postings.get(orderId)
    if (!posting) return 'reversed'
    if (posting.state === 'pending') {
      posting.state = 'reversed'
      const credit = this.ledger.find((e) => e.idempotencyKey === orderId && e.kind === 'credit')
      this.ledger.push({ ...(credit as LedgerEntry), kind: 'reversal' })
    }
    return posting.state === 'reversed' ? 'reversed' : 'already_applied'
  }

  /** The meter connects and takes its pending credits. */
  meterOnline(accountNo: string): void {
    this.offlineMeters.delete(accountNo)
    for (const p of this.postings.values()) {
      if (p.accountNo === accountNo && p.state === 'pending') p.state = 'applied'
    }
  }

  /** The resident has the card written at a service point, at `at` (default: now). */
  writeCard(orderId: string, at = new Date()): void {
    const p = this.postings.get(orderId)
    if (p?.state !== 'awaiting_card_write') return
    p.state = 'card_written'
    p.writtenAt = at
  }

  /** Credits that reached (or will reach) the account and were not withdrawn. */
  effectiveCredits(accountNo: string): LedgerEntry[] {
    return this.ledger.filter(
      (e) =>
        e.kind === 'credit' &&
        e.accountNo === accountNo &&
        this.postings.get(e.idempotencyKey)?.state !== 'reversed',
    )
  }

  creditsByKey(key: string): number {
    return this.ledger.filter((e) => e.idempotencyKey === key && e.kind === 'credit').length
  }
}

export const testAccounts = {
  iot: '1000000001',
  ic: '1000000002',
  postpaid: '1000000003',
  owing: '1000000005',
  suspended: '1000000006',
} as const

const base: PayableAccount = {
  kind: 'iot_prepaid',
  status: 'active',
  owedFen: 0,
  balanceFen: 3000,
  limits: { minPerOrderFen: 1000, maxPerOrderFen: 100000, maxPerDayFen: 200000 },
  usage: { dailyDm3: 1500, ytdDm3: 100_000, basis: '按近30天日均 1.5 m³ 估算' },
  tariff: defaultResidentialTariff,
}

export class FakeAccounts implements PaymentAccountsPort {
  readonly accounts = new Map<string, PayableAccount>([
    [testAccounts.iot, base],
    [testAccounts.ic, { ...base, kind: 'ic_prepaid' }],
    [testAccounts.postpaid, { ...base, kind: 'postpaid_gas', owedFen: 12345, balanceFen: null }],
    [testAccounts.owing, { ...base, status: 'arrears', owedFen: 8000 }],
    [testAccounts.suspended, { ...base, status: 'suspended' }],
  ])

  async facts(accountNo: string): Promise<PayableAccount | null> {
    return this.accounts.get(accountNo) ?? null
  }
}

export class FakeNotices implements ResidentNotices {
  readonly sent: OrderNotice[] = []

  async orderSettled(notice: OrderNotice): Promise<void> {
    this.sent.push(notice)
  }
}

export interface PaymentFakes {
  wechatpay: FakeProvider
  alipay: FakeProvider
  billing: FakeBilling
  accounts: FakeAccounts
  notices: FakeNotices
  ports: PaymentPorts
}

export function paymentFakes(now?: () => Date): PaymentFakes {
  const wechatpay = new FakeProvider('wechatpay', now)
  const alipay = new FakeProvider('alipay', now)
  const billing = new FakeBilling()
  billing.cardAccounts.add(testAccounts.ic)
  const accounts = new FakeAccounts()
  const notices = new FakeNotices()
  return {
    wechatpay,
    alipay,
    billing,
    accounts,
    notices,
    ports: { providers: { wechatpay, alipay }, credit: billing, accounts, notices },
  }
}

/** Short timings so the jobs' waits fit in a test. */
export const fastPayments = {
  pollDelaysMs: [150],
  retryBaseMs: 20,
  retryMaxMs: 150,
  sweepEveryMs: 200,
  sweepStaleMs: 400,
  cardWritePollMs: 100,
}

/** Polls `check` until it stops throwing, or fails with its last error. */
export async function eventually(check: () => unknown, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      await check()
      return
    } catch (err) {
      if (Date.now() > deadline) throw err
      await new Promise((r) => setTimeout(r, 25))
    }
  }
}
