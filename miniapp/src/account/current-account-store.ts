import type { BoundAccount } from '@gh/shared'
import { taroStore, type KeyValueStore } from '../platform/storage'

const KEY = 'gh.currentAccount'

/** The account the resident is looking at, remembered across launches; every page shares it. */
export function createCurrentAccountStore(store: KeyValueStore) {
  const listeners = new Set<() => void>()
  const notify = () => listeners.forEach((listener) => listener())
  return {
    get: (): string | undefined => store.get(KEY),
    set(accountNo: string) {
      store.set(KEY, accountNo)
      notify()
    },
    clear() {
      store.remove(KEY)
      notify()
    },
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}

export const currentAccountStore = createCurrentAccountStore(taroStore)

/** The remembered account if it is still bound, else the default, else the first. */
export function resolveCurrent(
  accounts: readonly BoundAccount[],
  remembered: string | undefined,
): BoundAccount | undefined {
  return (
    accounts.find((a) => a.accountNo === remembered) ??
    accounts.find((a) => a.isDefault) ??
    accounts[0]
  )
}
