import { isDomainError } from './domain-error'

/**
 * The domain error code that `f` throws, for tests: `undefined` when it returns, and a marker that
 * fails any code comparison when it throws something that is not a DomainError.
 */
export function codeOf(f: () => unknown): string | undefined {
  try {
    f()
  } catch (e) {
    return isDomainError(e) ? e.code : 'not a DomainError'
  }
  return undefined
}
