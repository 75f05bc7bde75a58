import type { PaymentOrder } from '@gh/shared'
import { pages } from './pages'

/** What a share card shows and opens. */
export interface ShareCard {
  title: string
  path: string
  /** A picture for the card; without one the platform shows a screenshot, amounts and all. */
  imageUrl?: string
}

/**
 * `sharePath('/pages/orders/detail', { accountNo, orderNo })` → the path a share card opens.
 * Empty values are left out; keys starting with `$` (Taro's own) and `elder` (the sender's mode
 * is not the family member's) never travel.
 */
export function sharePath(
  route: string,
  params: Readonly<Record<string, string | undefined>> = {},
): string {
  const path = route.split('?')[0] || pages.home
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => {
      const [key, value] = entry
      return value !== undefined && value !== '' && !key.startsWith('$') && key !== 'elder'
    })
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
  return `${path.startsWith('/') ? path : `/${path}`}${query.length ? `?${query.join('&')}` : ''}`
}

/*
 * The cards 请家人帮忙 sends from each shareable page: the same page, for the same account
 * (a page opened with `?accountNo=` makes it current when the family member has it bound).
 */
export const shareCards = {
  home: (accountNo?: string): ShareCard => ({
    title: '燃气·供热 掌上营业厅：交费、查账单、报修',
    path: sharePath(pages.home, { accountNo }),
  }),
  recharge: (accountNo?: string): ShareCard => ({
    title: '请帮我交一下燃气费',
    path: sharePath(pages.recharge, { accountNo }),
  }),
  bills: (accountNo?: string): ShareCard => ({
    title: '请帮我看看燃气、暖气账单',
    path: sharePath(pages.bills, { accountNo }),
  }),
  repairs: (accountNo?: string): ShareCard => ({
    title: '请帮我报修',
    path: sharePath(pages.repairs, { accountNo }),
  }),
  // The cashier's outcome is the sender's moment, not the order's: it does not travel.
  order: (order: Pick<PaymentOrder, 'accountNo' | 'orderNo' | 'purpose'>): ShareCard => ({
    title: '请帮我看看这笔缴费到账了没有',
    path: sharePath(pages.orderDetail, {
      accountNo: order.accountNo,
      orderNo: order.orderNo,
      purpose: order.purpose,
    }),
  }),
}
