import { QueryClient } from '@tanstack/react-query'
import { tokenStore } from '../auth/session'

/**
 * What a query is, as the request it makes: who may see the answer ('public' content, the
 * logged-in 'user's own data, or the workbench 'agent's), the endpoint or loader, then its
 * arguments. E.g. `['user', 'paymentOptions', accountNo]`.
 */
export type QueryKey = readonly [
  scope: 'public' | 'user' | 'agent',
  name: string,
  ...args: unknown[],
]

const userData = ['user'] as const

/**
 * One cache of server state for every page: two pages asking the same thing share one request
 * and one answer, and a page shown again starts from what it last saw while it asks again.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Each page offers 重试 itself; the BFF already retries its upstream calls.
      retry: false,
      // Pages ask again when Taro shows them (see useQuery), the same on every platform.
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      // Offline is the transport's NETWORK_ERROR with a message, never an endless spinner.
      networkMode: 'always',
    },
  },
})

/*
 * Log-in, log-out and a lost session: another person's data (or none) from now on. Every user
 * query drops what it had, and those on a page still mounted ask again at once (an answer from
 * the old session still on its way is discarded).
 */
tokenStore.subscribe(() => {
  void queryClient.resetQueries({ queryKey: userData })
})

/**
 * The resident's bound accounts changed (bound, unbound, renamed, a new default, a family member
 * joined or removed): the account list and what depends on it (my data, family lists, the
 * accounts a page may show) is asked again. Pages keep showing what they had meanwhile.
 */
export function boundAccountsChanged(): void {
  void queryClient.invalidateQueries({ queryKey: userData })
}
