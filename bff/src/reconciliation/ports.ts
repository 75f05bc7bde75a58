import type { ProviderName } from '../payments/ports'

/**
 * What reconciliation needs from the outside: each provider's trade bill of a day and billing's
 * postings of a day. HTTP adapters translate the providers' files; no provider type leaks in.
 */

/** One line of a provider's trade bill: a payment, or a refund of one. Amounts positive fen. */
export interface BillLine {
  kind: 'payment' | 'refund'
  outTradeNo: string
  /** The provider's own trade number (微信订单号 / 支付宝交易号). */
  transactionId: string
  amountFen: number
  /** Our refund number for a refund line, null for a payment. */
  outRefundNo: string | null
  at: Date
}

/** The provider has not published the day's bill yet (before ~09:00 the next day). */
export class BillNotReady extends Error {
  constructor(provider: ProviderName, day: string) {
    super(`${provider}: the bill of ${day} is not ready`)
    this.name = 'BillNotReady'
  }
}

export interface ProviderBillSource {
  readonly name: ProviderName
  /** Every line of the Shanghai day's trade bill; [] when the day had no trade. */
  tradeBill(day: string): Promise<BillLine[]>
}

export interface LedgerPayment {
  /** Our order id (billing's idempotency key). */
  paymentId: string
  accountNo: string
  amountFen: number
  channel: string
}

export interface LedgerRefund {
  paymentId: string
  amountFen: number
}

/** Billing's postings whose business date (payment / refund time) is the day. */
export interface LedgerPort {
  postingsOfDay(day: string): Promise<{ payments: LedgerPayment[]; refunds: LedgerRefund[] }>
}

export interface ReconciliationPorts {
  bills: Record<ProviderName, ProviderBillSource>
  ledger: LedgerPort
}
