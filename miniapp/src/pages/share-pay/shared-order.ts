import type { SharedOrder } from '@gh/shared'
import { useQuery } from '../../hooks/use-query'
import type { QueryState } from '../../hooks/use-query'
import { isFinal, isPayable, pollDelayMs, toneOf, type StatusTone } from '../../payments'
import { getSharedOrder } from './api'

export interface SharedOrderStatus {
  final: boolean
  payable: boolean
  tone: StatusTone
  /** How long until asking again; null once final. */
  pollDelayMs: number | null
}

/** The order rules of order-status.ts, for an order the payer sees through a card. */
export function sharedOrderStatus(order: SharedOrder): SharedOrderStatus {
  return {
    final: isFinal(order),
    payable: isPayable(order),
    tone: toneOf(order),
    pollDelayMs: pollDelayMs(order),
  }
}

/** The card payer's order, live (as useLiveOrder is for one's own orders). */
export function useLiveSharedOrder(
  token: string,
  orderNo: string,
): { state: QueryState<SharedOrder>; refresh: () => void } {
  const { state, retry } = useQuery(
    ['user', 'sharedOrder', token, orderNo],
    () => getSharedOrder(token, orderNo),
    { pollMs: (order) => sharedOrderStatus(order).pollDelayMs },
  )
  return { state, refresh: retry }
}
