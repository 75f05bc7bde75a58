import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError } from '../api'
import type { ApiError } from '../api'

export type QueryState<T> =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'success'; data: T }

/**
 * Loads once on mount and again on `retry`; a stale answer (from before a retry or after
 * unmount) never overwrites a newer one.
 */
export function useQuery<T>(load: () => Promise<T>): { state: QueryState<T>; retry: () => void } {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const loadRef = useRef(load)
  useEffect(() => {
    loadRef.current = load
  })

  useEffect(() => {
    let current = true
    setState({ status: 'loading' })
    loadRef.current().then(
      (data) => current && setState({ status: 'success', data }),
      (err: unknown) => current && setState({ status: 'error', error: toApiError(err) }),
    )
    return () => {
      current = false
    }
  }, [attempt])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { state, retry }
}
