import { DomainError } from './domain-error'

/**
 * Integer helpers for money and volume math. Every value stays a safe integer; `%` on safe
 * integers is exact, so quotients are taken as `(a - a % b) / b` instead of `Math.floor(a / b)`,
 * whose float division can round up to the next integer for large operands.
 */

export function assertSafeInt(n: number, code: DomainError['code'], what: string): number {
  if (!Number.isSafeInteger(n)) throw new DomainError(code, `${what} must be a safe integer`)
  return n
}

export function assertNonNegativeInt(n: number, code: DomainError['code'], what: string): number {
  assertSafeInt(n, code, what)
  if (n < 0) throw new DomainError(code, `${what} must not be negative`)
  return n
}

/** Product of two safe integers; throws rather than silently losing precision. */
export function checkedMul(a: number, b: number): number {
  const p = a * b
  if (!Number.isSafeInteger(p)) throw new DomainError('AMOUNT_OVERFLOW', 'product is too large')
  return p
}

export function checkedAdd(a: number, b: number): number {
  const s = a + b
  if (!Number.isSafeInteger(s)) throw new DomainError('AMOUNT_OVERFLOW', 'sum is too large')
  return s
}

/** Exact floor division of non-negative `a` by positive `b`. */
export function divFloor(a: number, b: number): number {
  return (a - (a % b)) / b
}

/** a / b rounded half up (0.5 → 1), for non-negative `a` and positive `b`. */
export function divRoundHalfUp(a: number, b: number): number {
  const r = a % b
  const q = (a - r) / b
  return r * 2 >= b ? q + 1 : q
}
