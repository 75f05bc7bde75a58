import type { ClientPayParams } from '@gh/shared'

/**
 * What the platform's cashier said. It is never the truth about the money: the order page
 * asks the BFF (which hears from the provider) and shows that.
 */
export type PayOutcome =
  | { kind: 'paid' }
  | { kind: 'cancelled' }
  /** The platform cannot tell yet (Alipay 8000/6004, a network error during payment). */
  | { kind: 'unknown' }
  | { kind: 'failed'; message: string }
  /** H5: the page is leaving for the cashier, which sends the resident back to `returnUrl`. */
  | { kind: 'redirected' }

export interface LaunchOptions {
  /** Where the H5 cashier sends the resident after paying or cancelling. */
  returnUrl: string
}

export type LaunchPayment = (params: ClientPayParams, options: LaunchOptions) => Promise<PayOutcome>

export const wrongPlatform = (kind: string): PayOutcome => ({
  kind: 'failed',
  message: `该订单需在${kind === 'wechat' ? '微信' : kind === 'alipay' ? '支付宝' : '网页'}中支付`,
})
