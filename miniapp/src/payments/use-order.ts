import { useDidHide, useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { PaymentOrder } from '@gh/shared'
import { toApiError } from '../api'
import type { QueryState } from '../hooks/use-query'
import { getOrder, type OrderPurpose } from './api'
import { pollDelayMs } from './order-status'

/**
 * Something that moves by itself (an order), asked again after `delayOf` while it still moves;
 * stops when `delayOf` says null or the page is hidden, and starts again when it shows. A failed
 * refresh keeps the last answer and tries again later.
 */
export function useLivePolling<T>(
  load: () => Promise<T>,
  delayOf: (value: T) => number | null,
  key: string,
): { state: QueryState<T>; refresh: () => void } {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' })
  const [visible, setVisible] = useState(true)
  const [tick, setTick] = useState(0)
  const last = useRef<T | undefined>(undefined)
  const calls = useRef({ load, delayOf })
  useEffect(() => {
    calls.current = { load, delayOf }
  })

  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))

  useEffect(() => {
    if (!visible) return undefined
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const ask = async () => {
      try {
        const value = await calls.current.load()
        if (!live) return
        last.current = value
        setState({ status: 'success', data: value })
        const delay = calls.current.delayOf(value)
        if (delay !== null) timer = setTimeout(() => void ask(), delay)
      } catch (err) {
        if (!live) return
        if (last.current === undefined) setState({ status: 'error', error: toApiError(err) })
        else timer = setTimeout(() => void ask(), 10000)
      }
    }
    void ask()
    return () => {
      live = false
      if (timer !== undefined) clearTimeout(timer)
    }
  }, [key, visible, tick])

  const refresh = useCallback(() => setTick((n) => n + 1), [])
  return { state, refresh }
}

/** One of the resident's own orders, live. */
export function useLiveOrder(
  accountNo: string,
  orderNo: string,
  purpose: OrderPurpose,
): { state: QueryState<PaymentOrder>; refresh: () => void } {
  return useLivePolling(
    () => getOrder(accountNo, orderNo, purpose),
    pollDelayMs,
    `${accountNo}|${orderNo}|${purpose}`,
  )
}
