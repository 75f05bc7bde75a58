import type { SharedOrder } from '@gh/shared'
import { pages } from '../../navigation/pages'

/** The card's page; with `orderNo`, it shows that order (after paying, or back from the cashier). */
export function sharePayPageUrl(token: string, orderNo?: string): string {
  const query = [`t=${encodeURIComponent(token)}`]
  if (orderNo) query.push(`orderNo=${encodeURIComponent(orderNo)}`)
  return `${pages.sharePay}?${query.join('&')}`
}

/** H5: where the cashier sends the payer back to: the card's page showing the order. */
export function shareCashierReturnUrl(token: string, order: Pick<SharedOrder, 'orderNo'>): string {
  if (process.env.TARO_ENV !== 'h5') return ''
  const { origin, pathname } = window.location
  return `${origin}${pathname}#${sharePayPageUrl(token, order.orderNo)}`
}
