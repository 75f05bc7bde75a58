import { randomKey } from '../api/client'

export interface KeyedAttempt<T> {
  /** What the attempt is for (an amount); another value is another intent. */
  value: T
  key: string
}

/**
 * One Idempotency-Key per intent: the same value again (a double tap, a retry after a network
 * error) keeps the key, so the BFF acts once; another value gets a new key.
 */
export function attemptFor<T>(
  previous: KeyedAttempt<T> | undefined,
  value: T,
  newKey: () => string = randomKey,
): KeyedAttempt<T> {
  return previous !== undefined && previous.value === value ? previous : { value, key: newKey() }
}
