import type {
  LastPayment,
  PaymentRequest,
  Posting,
  RefundPosting,
  RefundPostingRequest,
} from '../../../contracts/billing'
import { toShanghaiIso } from '../../clock'
import { SandboxError } from '../../middleware/errors'
import { dayOf } from '../meters/days'
import { idempotencyMismatch } from '../meters/idempotency'
import type { Billing } from './billing'
import { isPrepaid, settlementOrder } from './billing'
import { dueOf, payBill, unpayBill } from './bill-record'
import { topUpLimits } from './tariffs'

interface Stored<T> {
  /** The request as first received, to tell a replay from a different body under the same id. */
  readonly fingerprint: string
  readonly record: T
}

/** Same payment, whatever the key order or the way the instant was written. */
function fingerprint(request: PaymentRequest | RefundPostingRequest): string {
  if ('paidAt' in request) {
    const { paymentId, accountNo, amountFen, channel, billIds, paidAt } = request
    return JSON.stringify([
      paymentId,
      accountNo,
      amountFen,
      channel,
      billIds ?? null,
      Date.parse(paidAt),
    ])
  }
  const { refundId, paymentId, amountFen, reason, refundedAt } = request
  return JSON.stringify([refundId, paymentId, amountFen, reason, Date.parse(refundedAt)])
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key)
  if (list) list.push(item)
  else map.set(key, [item])
}

/**
 * Payment and refund postings. The id is the idempotency key: a replay answers the original
 * posting and changes nothing, so a retried job or a duplicated notification posts once.
 */
export class PostingStore {
  private readonly payments = new Map<string, Stored<Posting>>()
  private readonly refunds = new Map<string, Stored<RefundPosting>>()
  private readonly byAccount = new Map<string, Posting[]>()
  private readonly refundsByAccount = new Map<string, RefundPosting[]>()
  private readonly refundsByPayment = new Map<string, RefundPosting[]>()
  /** Payments made before the sandbox started: they predate any reconciliation run. */
  private readonly seeded = new Set<string>()
  private sequence = 0

  constructor(private readonly billing: Billing) {}

  post(request: PaymentRequest): { posting: Posting; created: boolean } {
    const existing = this.payments.get(request.paymentId)
    if (existing) {
      if (existing.fingerprint !== fingerprint(request)) throw idempotencyMismatch()
      return { posting: existing.record, created: false }
    }
    const account = this.billing.account(request.accountNo)
    if (account.status === 'suspended') {
      throw new SandboxError(422, 'ACCOUNT_SUSPENDED', '该户已停用，暂不能缴费')
    }
    const now = this.billing.clock.nowMs()
    const allocations = isPrepaid(account) ? this.topUp(request, now) : this.settle(request, now)
    const allocated = allocations.reduce((sum, a) => sum + a.amountFen, 0)
    const posting: Posting = {
      postingId: this.nextId('P', now),
      paymentId: request.paymentId,
      accountNo: account.accountNo,
      kind: isPrepaid(account) ? 'top_up' : 'bill_payment',
      amountFen: request.amountFen,
      channel: request.channel,
      paidAt: toShanghaiIso(Date.parse(request.paidAt)),
      postedAt: toShanghaiIso(now),
      allocations,
      unallocatedFen: request.amountFen - allocated,
    }
    const book = this.billing.book(account)
    if (book) book.prepaymentFen += posting.unallocatedFen
    this.payments.set(request.paymentId, { fingerprint: fingerprint(request), record: posting })
    push(this.byAccount, account.accountNo, posting)
    return { posting, created: true }
  }

  /** Takes in the seeded history of a book as it is opened, so it answers like any posting. */
  adopt(history: readonly Posting[]): void {
    for (const posting of history) {
      const { paymentId, accountNo, amountFen, channel, paidAt } = posting
      const request = { paymentId, accountNo, amountFen, channel, paidAt }
      this.payments.set(paymentId, { fingerprint: fingerprint(request), record: posting })
      this.seeded.add(paymentId)
      push(this.byAccount, accountNo, posting)
    }
  }

  /** A prepaid receipt: no bills, only the top-up limits. */
  private topUp(request: PaymentRequest, now: number): Posting['allocations'] {
    if (request.billIds) throw new SandboxError(404, 'BILL_NOT_FOUND', '预付费户号没有账单')
    const { amountFen } = request
    if (amountFen < topUpLimits.minFenPerOrder || amountFen > topUpLimits.maxFenPerOrder) {
      throw new SandboxError(422, 'TOP_UP_AMOUNT_OUT_OF_RANGE', '充值金额超出单笔限额')
    }
    const today = dayOf(now)
    const sameDay = this.postingsOf(request.accountNo)
      .filter((p) => dayOf(Date.parse(p.postedAt)) === today)
      .reduce((sum, p) => sum + p.amountFen, 0)
    if (sameDay + amountFen > topUpLimits.maxFenPerDay) {
      throw new SandboxError(422, 'TOP_UP_DAILY_LIMIT', '今日充值已达上限')
    }
    return []
  }

  /** Settles the named bills, or unpaid bills overdue and oldest first; the rest is 预存. */
  private settle(request: PaymentRequest, now: number): Posting['allocations'] {
    const account = this.billing.account(request.accountNo)
    const bills = this.billing.bills(account)
    let targets = settlementOrder(bills, now)
    const paidAtMs = Date.parse(request.paidAt)
    // What the payer saw that day: a fee that accrued after they paid is not theirs to owe.
    const paidDay = dayOf(paidAtMs)
    if (request.billIds) {
      const named = request.billIds.map((id) => {
        const bill = bills.find((b) => b.billId === id)
        if (!bill) throw new SandboxError(404, 'BILL_NOT_FOUND', '账单不存在')
        if (dueOf(bill, paidDay).totalFen === 0) {
          throw new SandboxError(422, 'BILL_ALREADY_PAID', '账单已缴清')
        }
        return bill
      })
      targets = targets.filter((b) => named.includes(b))
      const due = targets.reduce((sum, b) => sum + dueOf(b, paidDay).totalFen, 0)
      if (targets.length !== new Set(request.billIds).size || due !== request.amountFen) {
        throw new SandboxError(422, 'AMOUNT_MISMATCH', '缴费金额与所选账单应缴金额不一致')
      }
    }
    let left = request.amountFen
    const allocations: Posting['allocations'] = []
    for (const bill of targets) {
      if (left === 0) break
      const paid = payBill(bill, left, paidAtMs)
      if (paid.amountFen === 0) continue
      left -= paid.amountFen
      allocations.push({ billId: bill.billId, ...paid })
    }
    return allocations
  }

  refund(request: RefundPostingRequest): { refund: RefundPosting; created: boolean } {
    const existing = this.refunds.get(request.refundId)
    if (existing) {
      if (existing.fingerprint !== fingerprint(request)) throw idempotencyMismatch()
      return { refund: existing.record, created: false }
    }
    const payment = this.payments.get(request.paymentId)?.record
    if (!payment) throw new SandboxError(404, 'PAYMENT_NOT_FOUND', '原缴费记录不存在')
    const earlier = this.refundsByPayment.get(payment.paymentId) ?? []
    const refunded = earlier.reduce((sum, r) => sum + r.amountFen, 0)
    if (request.amountFen > payment.amountFen - refunded) {
      throw new SandboxError(422, 'REFUND_EXCEEDS_PAYMENT', '退款金额超过可退金额')
    }
    const now = this.billing.clock.nowMs()
    const { reversals, unallocatedFen } = this.reverse(
      payment,
      earlier,
      request.amountFen,
      Date.parse(request.refundedAt),
    )
    const refund: RefundPosting = {
      refundPostingId: this.nextId('R', now),
      refundId: request.refundId,
      paymentId: payment.paymentId,
      accountNo: payment.accountNo,
      amountFen: request.amountFen,
      reason: request.reason,
      refundedAt: toShanghaiIso(Date.parse(request.refundedAt)),
      postedAt: toShanghaiIso(now),
      reversals,
      unallocatedFen,
    }
    this.refunds.set(request.refundId, { fingerprint: fingerprint(request), record: refund })
    push(this.refundsByAccount, payment.accountNo, refund)
    push(this.refundsByPayment, payment.paymentId, refund)
    return { refund, created: true }
  }

  /** Takes the money back from prepayment first, then reopens the newest settlements. */
  private reverse(
    payment: Posting,
    earlier: readonly RefundPosting[],
    amountFen: number,
    refundedAtMs: number,
  ) {
    const book = this.billing.book(this.billing.account(payment.accountNo))
    const takenBack = earlier.reduce((sum, r) => sum + r.unallocatedFen, 0)
    const fromPrepayment = Math.min(
      amountFen,
      payment.unallocatedFen - takenBack,
      book ? Math.max(0, book.prepaymentFen) : Infinity,
    )
    if (book) book.prepaymentFen -= fromPrepayment
    let left = amountFen - fromPrepayment
    const reversals: RefundPosting['reversals'] = []
    for (const allocation of [...payment.allocations].reverse()) {
      if (left === 0) break
      const undone = earlier
        .flatMap((r) => r.reversals)
        .filter((r) => r.billId === allocation.billId)
        .reduce((sum, r) => sum + r.amountFen, 0)
      const bill = book?.bills.find((b) => b.billId === allocation.billId)
      const paidOnBill = bill ? bill.chargePaidFen + bill.lateFeePaidFen : 0
      const amount = Math.min(left, allocation.amountFen - undone, paidOnBill)
      if (!bill || amount <= 0) continue
      const undoneNow = unpayBill(bill, amount, refundedAtMs)
      left -= undoneNow.amountFen
      reversals.push({ billId: bill.billId, ...undoneNow })
    }
    // Whatever could not be traced (prepayment already used by a later bill) stays unallocated.
    return { reversals, unallocatedFen: amountFen - reversals.reduce((s, r) => s + r.amountFen, 0) }
  }

  postingsOf(accountNo: string): readonly Posting[] {
    return this.byAccount.get(accountNo) ?? []
  }

  refundsOf(accountNo: string): readonly RefundPosting[] {
    return this.refundsByAccount.get(accountNo) ?? []
  }

  /** An account's postings and refunds whose business date is within the days, newest first. */
  history(accountNo: string, fromDay: number, toDay: number) {
    const newest = <T>(list: readonly T[], at: (item: T) => string): T[] =>
      list
        .filter((item) => {
          const day = dayOf(Date.parse(at(item)))
          return day >= fromDay && day <= toDay
        })
        .sort((a, b) => Date.parse(at(b)) - Date.parse(at(a)))
    return {
      postings: newest(this.postingsOf(accountNo), (p) => p.paidAt),
      refunds: newest(this.refundsOf(accountNo), (r) => r.refundedAt),
    }
  }

  lastPayment(accountNo: string): LastPayment | undefined {
    const latest = [...this.postingsOf(accountNo)].sort(
      (a, b) => Date.parse(b.paidAt) - Date.parse(a.paidAt),
    )[0]
    if (!latest) return undefined
    const { paymentId, amountFen, channel, paidAt } = latest
    return { paymentId, amountFen, channel, paidAt }
  }

  /** Postings whose business date (paidAt, refundedAt) is `day`. */
  ofDay(day: number): { postings: Posting[]; refunds: RefundPosting[] } {
    const onDay = (iso: string): boolean => dayOf(Date.parse(iso)) === day
    return {
      postings: [...this.payments.values()]
        .map((s) => s.record)
        .filter((p) => !this.seeded.has(p.paymentId) && onDay(p.paidAt)),
      refunds: [...this.refunds.values()].map((s) => s.record).filter((r) => onDay(r.refundedAt)),
    }
  }

  private nextId(prefix: string, now: number): string {
    this.sequence += 1
    const date = toShanghaiIso(now).slice(0, 10).replace(/-/g, '')
    return `${prefix}${date}${String(this.sequence).padStart(8, '0')}`
  }
}
