import type { PaymentOrder } from '@gh/shared'

/** What the status rules read: an order of one's own or one paid through a family card. */
export type OrderProgress = Pick<PaymentOrder, 'state' | 'timeline' | 'clientParams'>

const FAST_MS = 3000
// An IC-card order waits for the resident to visit a write point: no need to ask as often.
const SLOW_MS = 15000

const isCardOrder = (order: OrderProgress) =>
  order.timeline.some((step) => step.state === 'AWAITING_CARD_WRITE')

/** True when nothing more will happen to the order by itself. */
export function isFinal(order: OrderProgress): boolean {
  switch (order.state) {
    case 'CLOSED':
    case 'REFUNDED':
    case 'CARD_WRITTEN':
      return true
    case 'CREDITED':
      return !isCardOrder(order)
    default:
      return false
  }
}

/** How long until asking the BFF again; null once the order is final. */
export function pollDelayMs(order: OrderProgress): number | null {
  if (isFinal(order)) return null
  return order.state === 'AWAITING_CARD_WRITE' ? SLOW_MS : FAST_MS
}

/** Waiting for the resident to pay: the order can still be paid, or left to close by itself. */
export const isPayable = (order: OrderProgress) =>
  (order.state === 'CREATED' || order.state === 'PAYING') && order.clientParams !== null

export type StatusTone = 'done' | 'waiting' | 'problem'

export function toneOf(order: OrderProgress): StatusTone {
  if (order.state === 'CLOSED' || order.state === 'CREDIT_FAILED') return 'problem'
  if (order.state === 'REFUNDING' || order.state === 'REFUNDED') return 'problem'
  return isFinal(order) ? 'done' : 'waiting'
}

/** `2026-11-26T09:05:00+08:00` → `11月26日 09:05` (times are Beijing time from the BFF). */
export function shortTime(iso: string): string {
  const month = Number(iso.slice(5, 7))
  const day = Number(iso.slice(8, 10))
  return `${month}月${day}日 ${iso.slice(11, 16)}`
}
