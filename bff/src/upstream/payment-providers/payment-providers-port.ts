import type { ClientPayParams, PayableAccount, PaymentChannel, PaymentPurpose } from '@gh/shared'

/**
 * What the payment core needs from the outside, provider-agnostic. HTTP adapters (WeChat Pay v3,
 * Alipay, billing/meters) implement these; tests use in-memory fakes. No provider type leaks in.
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

export type TradeStatus = 'unpaid' | 'paid' | 'closed' | 'refunded' | 'not_found'

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

export interface CreditRequest {
  /** The upstream idempotency key: the same order is never posted twice. */
  orderId: string
  accountNo: string
  purpose: PaymentPurpose
  amountFen: number
  toArrearsFen: number
}

/**
 * applied: the money reached the meter / the bill is settled. pending: billing holds it until
 * an offline IoT meter next connects. awaiting_card_write: recorded; an IC card must be written.
 */
export type CreditOutcome = 'applied' | 'pending' | 'awaiting_card_write'
export type CreditStatus = CreditOutcome | 'card_written' | 'reversed' | 'unknown'

/**
 * Where a credit stands. `at`: when it got there, as the system that did it recorded it (the
 * card write's time for card_written); null when that system does not say.
 */
export interface CreditProgress {
  status: CreditStatus
  at: Date | null
}

/** Billing / meters, as the payment core sees them. */
export interface CreditTarget {
  /** Idempotent by orderId: a repeat returns the current outcome and posts nothing new. */
  credit(request: CreditRequest): Promise<CreditOutcome>
  status(orderId: string): Promise<CreditProgress>
  /**
   * Withdraws a posting that has not reached the meter, before the payer is refunded:
   * 'reversed' (or nothing had been posted), or 'already_applied' when the meter was faster.
   */
  refundPosting(orderId: string): Promise<'reversed' | 'already_applied'>
}

/** What the amount rules need about an account (CIS + billing + meters joined). */
export interface PaymentAccountsPort {
  facts(accountNo: string): Promise<PayableAccount | null>
}

export interface OrderNotice {
  orderNo: string
  accountNo: string
  userId: string
  purpose: PaymentPurpose
  amountFen: number
  /** The end state reached: CREDITED, AWAITING_CARD_WRITE, CARD_WRITTEN, REFUNDED or CLOSED. */
  state: string
}

/** Tells the resident (subscription message) when an order reaches an end state. */
export interface ResidentNotices {
  orderSettled(notice: OrderNotice): Promise<void>
}

export interface PaymentPorts {
  providers: Record<ProviderName, PaymentProvider>
  credit: CreditTarget
  accounts: PaymentAccountsPort
  notices: ResidentNotices
}
