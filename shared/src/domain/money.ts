import { DomainError } from './domain-error'
import { assertNonNegativeInt, assertSafeInt, checkedAdd, checkedMul, divFloor } from './int-math'

/**
 * Money is integer fen (分). Conversions to and from yuan text work on the digits, never through
 * a float: `0.1 + 0.2`-style errors cannot reach an amount.
 */

/** Guard: `n` as an amount in fen. Negative amounts (refunds, arrears) are allowed. */
export function fen(n: number): number {
  return assertSafeInt(n, 'INVALID_AMOUNT', 'amount in fen')
}

// Alipay's wire format: plain decimal yuan, no sign, no leading zeros, at most two decimals.
const YUAN_STRING = /^(0|[1-9]\d*)(?:\.(\d{1,2}))?$/

/**
 * Parses an amount in yuan as payment providers send it ('12.30', '12.3', '12') into fen.
 * Throws `DomainError('INVALID_YUAN_STRING')` on anything else: more than two decimals, a sign
 * (amounts on the wire are never negative, so '-0' is rejected too), exponents, separators or
 * blanks, and amounts beyond the safe-integer range.
 */
export function yuanStringToFen(text: string): number {
  const m = YUAN_STRING.exec(text)
  const yuan = m?.[1]
  if (m === null || yuan === undefined) {
    throw new DomainError('INVALID_YUAN_STRING', 'amount must be yuan with at most two decimals')
  }
  const cents = (m[2] ?? '').padEnd(2, '0')
  const result = Number(yuan + cents)
  if (!Number.isSafeInteger(result)) {
    throw new DomainError('INVALID_YUAN_STRING', 'amount is too large')
  }
  return result
}

/** 1230 → '12.30', -5 → '-0.05'. For n ≥ 0 the inverse of `yuanStringToFen`. */
export function fenToYuanString(amountFen: number): string {
  const n = fen(amountFen)
  const digits = String(Math.abs(n)).padStart(3, '0')
  const sign = n < 0 ? '-' : ''
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`
}

/**
 * 1230 → '¥12.30', 123456789 → '¥1,234,567.89', -1230 → '-¥12.30'. Groups by hand because
 * `Intl`/`toLocaleString` are missing or incomplete in some mini-program JS engines.
 */
export function formatFen(amountFen: number): string {
  const text = fenToYuanString(amountFen)
  const negative = text.startsWith('-')
  const [yuan = '', cents = ''] = (negative ? text.slice(1) : text).split('.')
  const grouped = yuan.replace(/\B(?=(\d{3})+$)/g, ',')
  return `${negative ? '-' : ''}¥${grouped}.${cents}`
}

/** Sum of amounts in fen; throws on overflow instead of losing precision. */
export function sumFen(amounts: readonly number[]): number {
  return amounts.reduce((acc: number, a) => checkedAdd(acc, fen(a)), 0)
}

/**
 * Splits `totalFen` in proportion to integer `weights` without losing or inventing a fen: each
 * share is floored, then the leftover fen go one each to the largest remainders (earlier index
 * first on ties). The shares always sum to `totalFen`; a negative total splits like its absolute
 * value and every share is negated.
 */
export function allocate(totalFen: number, weights: readonly number[]): number[] {
  const total = fen(totalFen)
  if (weights.length === 0) throw new DomainError('INVALID_ALLOCATION', 'no weights given')
  for (const w of weights) assertNonNegativeInt(w, 'INVALID_ALLOCATION', 'weight')
  const weightSum = weights.reduce((a: number, w) => checkedAdd(a, w), 0)
  if (weightSum === 0) throw new DomainError('INVALID_ALLOCATION', 'weights are all zero')

  const abs = Math.abs(total)
  const shares = weights.map((w) => {
    const scaled = checkedMul(abs, w)
    return { share: divFloor(scaled, weightSum), remainder: scaled % weightSum }
  })
  let leftover = abs - shares.reduce((a, s) => a + s.share, 0)
  const order = shares
    .map((s, index) => ({ index, remainder: s.remainder }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index)
  for (const { index } of order) {
    if (leftover === 0) break
    const s = shares[index]
    if (s !== undefined) s.share += 1
    leftover -= 1
  }
  return shares.map((s) => (total < 0 && s.share !== 0 ? -s.share : s.share))
}

/** Splits `totalFen` into `parts` shares differing by at most one fen, larger shares first. */
export function splitFen(totalFen: number, parts: number): number[] {
  if (!Number.isSafeInteger(parts) || parts < 1) {
    throw new DomainError('INVALID_ALLOCATION', 'parts must be a positive integer')
  }
  return allocate(totalFen, new Array<number>(parts).fill(1))
}
