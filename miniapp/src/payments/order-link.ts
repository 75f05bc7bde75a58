import type { PaymentOrder } from '@gh/shared'
import { pages } from '../navigation/pages'
import type { PayOutcome } from './outcome'

/** The order page of `order`, with what the platform's cashier said when there is something. */
export function orderPageUrl(order: PaymentOrder, outcome?: PayOutcome | null): string {
  const query = [
    `accountNo=${order.accountNo}`,
    `orderNo=${encodeURIComponent(order.orderNo)}`,
    `purpose=${order.purpose}`,
    outcome ? `outcome=${outcome.kind}` : '',
  ]
  return `${pages.orderDetail}?${query.filter(Boolean).join('&')}`
}

/** H5: where the cashier sends the resident back to (the hash-router address of the order). */
export function cashierReturnUrl(order: PaymentOrder): string {
  if (process.env.TARO_ENV !== 'h5') return ''
  const { origin, pathname } = window.location
  return `${origin}${pathname}#${orderPageUrl(order)}`
}
