import { useCallback, useSyncExternalStore } from 'react'
import type { BoundAccount } from '@gh/shared'
import { useQuery } from '../hooks/use-query'
import type { QueryState } from '../hooks/use-query'
import { listAccounts } from './api'
import { currentAccountStore, resolveCurrent } from './current-account-store'

export interface CurrentAccount {
  state: QueryState<BoundAccount[]>
  current: BoundAccount | undefined
  select: (accountNo: string) => void
  reload: () => void
}

/** Loads the bound accounts and picks the current one; `select` switches for every page. */
export function useCurrentAccount(): CurrentAccount {
  const { state, retry } = useQuery(['user', 'accounts'], listAccounts)
  const remembered = useSyncExternalStore(currentAccountStore.subscribe, currentAccountStore.get)
  const current = state.status === 'success' ? resolveCurrent(state.data, remembered) : undefined
  const select = useCallback((accountNo: string) => currentAccountStore.set(accountNo), [])
  return { state, current, select, reload: retry }
}
