import { useQuery as useCachedQuery } from '@tanstack/react-query'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { useCallback, useMemo, useState } from 'react'
import { toApiError } from '../api'
import type { ApiError } from '../api'
import { queryClient, type QueryKey } from './query-cache'

export type QueryState<T> =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'success'; data: T }

export interface QueryOptions<T> {
  /**
   * For something that moves by itself (an order): ask again after this many ms while the page
   * is shown, or null once it has stopped moving.
   */
  pollMs?: (data: T) => number | null
}

/** A poll that failed keeps the last answer on screen and tries again this much later. */
const FAILED_POLL_MS = 10_000

/**
 * Server state for a page, from the one query cache (query-cache.ts), keyed by the request.
 * The page asks again whenever Taro shows it again (back from paying, binding or logging in,
 * or from the background), keeping what it showed until the new answer arrives; the cache
 * itself starts over when the session or the bound accounts change.
 */
export function useQuery<T>(
  key: QueryKey,
  load: () => Promise<T>,
  options: QueryOptions<T> = {},
): { state: QueryState<T>; retry: () => void } {
  const { pollMs } = options
  const [shown, setShown] = useState(true)
  const result = useCachedQuery(
    {
      queryKey: key,
      queryFn: () => load(),
      refetchInterval:
        pollMs && shown
          ? (query) => {
              const { data, status } = query.state
              if (data === undefined) return false
              return status === 'error' ? FAILED_POLL_MS : (pollMs(data) ?? false)
            }
          : false,
    },
    queryClient,
  )

  const { refetch, data, status, error, isFetching } = result
  // A request already on its way (the page's first, on mount) is joined, not sent twice.
  const retry = useCallback(() => void refetch({ cancelRefetch: false }), [refetch])
  useDidShow(() => {
    setShown(true)
    retry()
  })
  useDidHide(() => setShown(false))

  const state = useMemo((): QueryState<T> => {
    // A refresh that failed leaves the last answer up: better than an error over known data.
    if (data !== undefined) return { status: 'success', data }
    if (status === 'error' && !isFetching) return { status: 'error', error: toApiError(error) }
    return { status: 'loading' }
  }, [data, status, error, isFetching])
  return { state, retry }
}
