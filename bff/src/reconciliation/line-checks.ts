import type { OrderState } from '@gh/shared'
import type { PaymentOrderRow } from '../payments/order-entity'
import type { LedgerPayment } from '../upstream/billing/billing-port'
import type { BillLine, ProviderName } from '../upstream/payment-providers/payment-providers-port'
import { shanghaiDay } from './day'
import type { Finding } from './finding-store'
import type { Repairs } from './repairs'

/** Unpaid or closed here: a payment the provider has is ours to apply. */
const NOT_PAID_HERE: readonly OrderState[] = ['CREATED', 'PAYING', 'CLOSED']
/** Paid here, on its way to billing (the settle job's work). */
const CREDITING: readonly OrderState[] = ['PAID', 'CREDITING']
/** Billing was told: a posting must exist. */
const CREDITED: readonly OrderState[] = ['CREDITED', 'AWAITING_CARD_WRITE', 'CARD_WRITTEN']

export interface CheckContext {
  day: string
  provider: ProviderName
  repairs: Repairs
  /** Billing's payments of a business day by payment id (our order id). */
  ledgerOf(day: string): Promise<Map<string, LedgerPayment>>
}

type Base = Omit<Finding, 'category' | 'action' | 'status'>

function base(ctx: CheckContext, outTradeNo: string, order: PaymentOrderRow | undefined): Base {
  return {
    day: ctx.day,
    provider: ctx.provider,
    outTradeNo,
    ourState: order?.state ?? null,
    providerState: null,
    ourFen: order?.amountFen ?? null,
    providerFen: null,
    billingFen: null,
  }
}

const report = (b: Base, category: Finding['category']): Finding => ({
  ...b,
  category,
  action: 'none',
  status: 'open',
})

/** A payment line of the bill against our order and billing's posting. */
export async function checkPayment(
  ctx: CheckContext,
  line: BillLine,
  order: PaymentOrderRow | undefined,
): Promise<Finding[]> {
  const b = {
    ...base(ctx, line.outTradeNo, order),
    providerState: 'paid',
    providerFen: line.amountFen,
  }
  if (!order || order.provider !== ctx.provider) return [report(b, 'unknown_order')]
  const found: Finding[] = []
  if (line.amountFen !== order.amountFen) found.push(report(b, 'amount_mismatch'))
  if (NOT_PAID_HERE.includes(order.state) || CREDITING.includes(order.state)) {
    const applied = await ctx.repairs.applyPayment(order)
    const category = NOT_PAID_HERE.includes(order.state) ? 'paid_not_recorded' : 'credit_pending'
    const action = category === 'paid_not_recorded' ? 'payment_applied' : 'settlement_requeued'
    // A requeued settlement is not a repair yet: the next run sees it credited (or still not).
    const status = applied && category === 'paid_not_recorded' ? 'repaired' : 'open'
    found.push({ ...b, category, action: applied ? action : 'none', status })
    return found
  }
  if (!CREDITED.includes(order.state)) {
    // CREDIT_FAILED, REFUNDING, REFUNDED: our refund of it is checked against refund lines.
    if (found.length === 0) found.push({ ...b, category: 'matched', action: 'none', status: 'ok' })
    return found
  }
  const paidDay = order.paidAt ? shanghaiDay(order.paidAt) : ctx.day
  const posting = (await ctx.ledgerOf(paidDay)).get(order.id)
  if (!posting) {
    const credited = await ctx.repairs.credit(order)
    found.push({
      ...b,
      category: 'credit_missing',
      action: credited ? 'credit_reposted' : 'none',
      status: credited ? 'repaired' : 'open',
    })
  } else if (posting.amountFen !== order.amountFen) {
    found.push(report({ ...b, billingFen: posting.amountFen }, 'posting_amount_mismatch'))
  } else if (found.length === 0) {
    found.push({
      ...b,
      billingFen: posting.amountFen,
      category: 'matched',
      action: 'none',
      status: 'ok',
    })
  }
  return found
}

/** The refund lines of one order (summed: partial refunds) against our order. */
export async function checkRefund(
  ctx: CheckContext,
  outTradeNo: string,
  refundedFen: number,
  order: PaymentOrderRow | undefined,
): Promise<Finding> {
  const b = {
    ...base(ctx, outTradeNo, order),
    providerState: 'refunded',
    providerFen: refundedFen,
  }
  if (!order || order.provider !== ctx.provider) return report(b, 'unknown_refund')
  const paid = order.paidFen ?? order.amountFen
  const ours = { ...b, ourFen: paid }
  if (order.state === 'REFUNDING') {
    const now = await ctx.repairs.confirmRefund(order)
    const done = now.state === 'REFUNDED'
    return {
      ...ours,
      category: 'refund_pending',
      action: done ? 'refund_confirmed' : 'none',
      status: done ? 'repaired' : 'open',
    }
  }
  if (order.state !== 'REFUNDED') return report(ours, 'refund_not_recorded')
  if (refundedFen !== paid) return report(ours, 'refund_amount_mismatch')
  return { ...ours, category: 'refund_matched', action: 'none', status: 'ok' }
}

/** An order we hold as paid (or refunded) that day for which the bill has no line. */
export function missingFromBill(
  ctx: CheckContext,
  order: PaymentOrderRow,
  category: 'missing_from_bill' | 'refund_missing_from_bill',
): Finding {
  return report({ ...base(ctx, order.outTradeNo, order), providerState: 'absent' }, category)
}
