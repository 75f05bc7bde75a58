import type { KeyValueStore } from '../platform/storage'

const TOKEN_KEY = 'gh.session.token'

/** The session token, kept in storage and observable so every page sees log-in and log-out. */
export interface TokenStore {
  get(): string | undefined
  set(token: string): void
  clear(): void
  subscribe(listener: () => void): () => void
}

export function createTokenStore(store: KeyValueStore): TokenStore {
  const listeners = new Set<() => void>()
  const notify = () => listeners.forEach((listener) => listener())
  return {
    get: () => store.get(TOKEN_KEY),
    set(token) {
      store.set(TOKEN_KEY, token)
      notify()
    },
    clear() {
      if (store.get(TOKEN_KEY) === undefined) return
      store.remove(TOKEN_KEY)
      notify()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
