import { useDidHide, useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { PaymentOrder } from '@gh/shared'
import { toApiError } from '../api'
import type { QueryState } from '../hooks/use-query'
import { getOrder, type OrderPurpose } from './api'
import { pollDelayMs } from './order-status'

/**
 * One order, asked again every few seconds while it is still moving; stops when it is final or
 * the page is hidden, and starts again when it shows. A failed refresh keeps the last answer.
 */
export function useLiveOrder(
  accountNo: string,
  orderNo: string,
  purpose: OrderPurpose,
): { state: QueryState<PaymentOrder>; refresh: () => void } {
  const [state, setState] = useState<QueryState<PaymentOrder>>({ status: 'loading' })
  const [visible, setVisible] = useState(true)
  const [tick, setTick] = useState(0)
  const last = useRef<PaymentOrder | undefined>(undefined)

  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))

  useEffect(() => {
    if (!visible) return undefined
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = async () => {
      try {
        const order = await getOrder(accountNo, orderNo, purpose)
        if (!live) return
        last.current = order
        setState({ status: 'success', data: order })
        const delay = pollDelayMs(order)
        if (delay !== null) timer = setTimeout(() => void load(), delay)
      } catch (err) {
        if (!live) return
        if (last.current === undefined) setState({ status: 'error', error: toApiError(err) })
        else timer = setTimeout(() => void load(), 10000)
      }
    }
    void load()
    return () => {
      live = false
      if (timer !== undefined) clearTimeout(timer)
    }
  }, [accountNo, orderNo, purpose, visible, tick])

  const refresh = useCallback(() => setTick((n) => n + 1), [])
  return { state, refresh }
}
