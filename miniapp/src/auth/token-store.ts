import type { KeyValueStore } from '../platform/storage'

const TOKEN_KEY = 'gh.session.token'

/** The session token, kept in storage and observable so every page sees log-in and log-out. */
export interface TokenStore {
  get(): string | undefined
  set(token: string): void
  clear(): void
  subscribe(listener: () => void): () => void
}

/** `key` keeps another principal's session (the agent workbench's) apart from the resident's. */
export function createTokenStore(store: KeyValueStore, key: string = TOKEN_KEY): TokenStore {
  const listeners = new Set<() => void>()
  const notify = () => listeners.forEach((listener) => listener())
  return {
    get: () => store.get(key),
    set(token) {
      store.set(key, token)
      notify()
    },
    clear() {
      if (store.get(key) === undefined) return
      store.remove(key)
      notify()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
