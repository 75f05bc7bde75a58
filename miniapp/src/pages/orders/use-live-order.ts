import type { PaymentOrder } from '@gh/shared'
import { useQuery } from '../../hooks/use-query'
import type { QueryState } from '../../hooks/use-query'
import { pollDelayMs, type OrderPurpose } from '../../payments'
import { getOrder } from './api'

/**
 * One of the resident's own orders, live: asked again while it still moves and the page is
 * shown, and once more whenever the page shows again.
 */
export function useLiveOrder(
  accountNo: string,
  orderNo: string,
  purpose: OrderPurpose,
): { state: QueryState<PaymentOrder>; refresh: () => void } {
  const { state, retry } = useQuery(
    ['user', 'order', accountNo, orderNo, purpose],
    () => getOrder(accountNo, orderNo, purpose),
    { pollMs: pollDelayMs },
  )
  return { state, refresh: retry }
}
