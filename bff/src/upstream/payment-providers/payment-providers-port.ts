import type { ClientPayParams, PaymentChannel, PaymentPurpose } from '@gh/shared'

/**
 * A payment provider as our payment core and reconciliation see it, provider-agnostic: WeChat Pay
 * (upstream/wechatpay) and Alipay (upstream/alipay) each implement it; tests use in-memory fakes.
 * No provider type leaks past the adapters.
 */

export type ProviderName = 'wechatpay' | 'alipay'

export interface ProviderOrderRequest {
  outTradeNo: string
  amountFen: number
  /** Shown on the payer's receipt; carries no personal data. */
  description: string
  channel: PaymentChannel
  /** WeChat openid / Alipay user id of the payer; null for the H5 cashier. */
  payerId: string | null
  expiresAt: Date
  /** The order page the payer returns to after an H5 cashier (the order needs no lookup). */
  accountNo: string
  purpose: PaymentPurpose
}

type TradeStatus = 'unpaid' | 'paid' | 'closed' | 'refunded' | 'not_found'

export interface ProviderTrade {
  status: TradeStatus
  /** What the payer actually paid, in fen; null while unpaid. */
  paidFen: number | null
  transactionId: string | null
  paidAt: Date | null
}

export type RefundStatus = 'success' | 'processing' | 'failed'

export interface RefundRequest {
  outTradeNo: string
  outRefundNo: string
  amountFen: number
  totalFen: number
  reason: string
}

/** A verified, decrypted notification. */
export type ProviderEvent =
  | ({ kind: 'trade'; outTradeNo: string } & ProviderTrade)
  | { kind: 'refund'; outTradeNo: string; outRefundNo: string; status: RefundStatus }

/** Thrown by `verifyNotification`: bad signature, stale timestamp, unknown serial, bad cipher. */
export class NotificationRejected extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'NotificationRejected'
  }
}

export interface PaymentProvider {
  readonly name: ProviderName
  /** Creates (idempotently by outTradeNo) the provider's order; returns what the client pays with. */
  createOrder(order: ProviderOrderRequest): Promise<ClientPayParams>
  query(outTradeNo: string): Promise<ProviderTrade>
  /** Closes an unpaid order; 'paid' when the payer was faster. */
  close(outTradeNo: string): Promise<'closed' | 'paid'>
  /** Idempotent by outRefundNo. */
  refund(refund: RefundRequest): Promise<RefundStatus>
  queryRefund(outTradeNo: string, outRefundNo: string): Promise<RefundStatus | 'not_found'>
  /** Verifies the signature over the exact bytes received, then decrypts. Throws NotificationRejected. */
  verifyNotification(
    headers: Record<string, string | undefined>,
    rawBody: Buffer,
  ): Promise<ProviderEvent>
}

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

/** The provider's daily trade bill (对账单), for reconciliation. */
export interface ProviderBillSource {
  readonly name: ProviderName
  /** Every line of the Shanghai day's trade bill; [] when the day had no trade. */
  tradeBill(day: string): Promise<BillLine[]>
}
