/**
 * A value several React roots read. The mini-programs' custom tab bar is its own component tree,
 * outside the app's providers, so what it shows (mode, current tab) lives in module state that
 * both sides subscribe to with `useSyncExternalStore`.
 */
export interface Signal<T> {
  get: () => T
  set: (value: T) => void
  subscribe: (listener: () => void) => () => void
}

export function createSignal<T>(initial: T): Signal<T> {
  let value = initial
  const listeners = new Set<() => void>()
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return
      value = next
      listeners.forEach((listener) => listener())
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}
