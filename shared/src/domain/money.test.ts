import fc from 'fast-check'
import { codeOf } from './thrown-code'
import {
  allocate,
  fen,
  fenToYuanString,
  formatFen,
  splitFen,
  sumFen,
  yuanStringToFen,
} from './money'

const amount = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })

describe('fen', () => {
  it('when given a safe integer, then returns it unchanged', () => {
    expect(fen(1230)).toBe(1230)
    expect(fen(-5)).toBe(-5)
  })

  it.each([1.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1])(
    'when given %p, then throws INVALID_AMOUNT',
    (n) => {
      expect(codeOf(() => fen(n))).toBe('INVALID_AMOUNT')
    },
  )
})

describe('yuanStringToFen', () => {
  it.each([
    ['12.30', 1230],
    ['12.3', 1230],
    ['12', 1200],
    ['0', 0],
    ['0.00', 0],
    ['0.01', 1],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('when given %p, then returns %p fen', (text, expected) => {
    expect(yuanStringToFen(text)).toBe(expected)
  })

  it.each([
    '1.234',
    '-0',
    '-1.00',
    '+1',
    'abc',
    '1e3',
    '',
    '.5',
    '5.',
    '01.00',
    ' 1',
    '1,000.00',
    '1.2.3',
    '１２',
    '90071992547409.92',
  ])('when given %p, then throws INVALID_YUAN_STRING', (text) => {
    expect(codeOf(() => yuanStringToFen(text))).toBe('INVALID_YUAN_STRING')
  })

  it('when a wire amount is parsed after formatting, then the fen are the same', () => {
    fc.assert(fc.property(amount, (n) => yuanStringToFen(fenToYuanString(n)) === n))
  })
})

describe('fenToYuanString', () => {
  it.each([
    [1230, '12.30'],
    [5, '0.05'],
    [0, '0.00'],
    [100, '1.00'],
    [-1230, '-12.30'],
    [-5, '-0.05'],
  ])('when given %p fen, then returns %p', (n, expected) => {
    expect(fenToYuanString(n)).toBe(expected)
  })

  it('when any amount is formatted, then it has exactly two decimals and no exponent', () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) =>
        /^-?(0|[1-9]\d*)\.\d\d$/.test(fenToYuanString(n)),
      ),
    )
  })
})

describe('formatFen', () => {
  it.each([
    [1230, '¥12.30'],
    [0, '¥0.00'],
    [99999, '¥999.99'],
    [100000, '¥1,000.00'],
    [123456789, '¥1,234,567.89'],
    [-123456, '-¥1,234.56'],
  ])('when given %p fen, then shows %p', (n, expected) => {
    expect(formatFen(n)).toBe(expected)
  })

  it('when separators are removed, then the plain yuan string remains', () => {
    fc.assert(
      fc.property(
        amount,
        (n) => formatFen(n).replace('¥', '').replace(/,/g, '') === fenToYuanString(n),
      ),
    )
  })
})

describe('sumFen', () => {
  it('when amounts are summed, then the total is exact', () => {
    expect(sumFen([10, 20, -5])).toBe(25)
    expect(sumFen([])).toBe(0)
  })

  it('when the sum leaves the safe range, then throws AMOUNT_OVERFLOW', () => {
    expect(codeOf(() => sumFen([Number.MAX_SAFE_INTEGER, 1]))).toBe('AMOUNT_OVERFLOW')
  })

  it('when an element is not an integer, then throws INVALID_AMOUNT', () => {
    expect(codeOf(() => sumFen([1, 0.5]))).toBe('INVALID_AMOUNT')
  })
})

describe('allocate', () => {
  it('when 100 fen are split in three, then the first share gets the extra fen', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33])
    expect(splitFen(100, 3)).toEqual([34, 33, 33])
  })

  it('when weights differ, then the leftover fen go to the largest remainders', () => {
    // exact shares 12.5, 37.5, 50 → floors 12, 37, 50 and one leftover fen; the tie goes first
    expect(allocate(100, [1, 3, 4])).toEqual([13, 37, 50])
    expect(allocate(1000, [0, 1])).toEqual([0, 1000])
  })

  it('when the total is negative, then the shares mirror the positive split', () => {
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33])
    expect(Object.is(allocate(-1, [1, 1])[1], 0)).toBe(true)
  })

  it('when weights are empty, all zero, negative or fractional, then throws INVALID_ALLOCATION', () => {
    expect(codeOf(() => allocate(100, []))).toBe('INVALID_ALLOCATION')
    expect(codeOf(() => allocate(100, [0, 0]))).toBe('INVALID_ALLOCATION')
    expect(codeOf(() => allocate(100, [1, -1]))).toBe('INVALID_ALLOCATION')
    expect(codeOf(() => allocate(100, [1.5]))).toBe('INVALID_ALLOCATION')
    expect(codeOf(() => splitFen(100, 0))).toBe('INVALID_ALLOCATION')
  })

  it('when any total is split by any weights, then no fen is lost and each share is within one fen of exact', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0))
          const shares = allocate(total, weights)
          const weightSum = weights.reduce((a, w) => a + w, 0)
          return (
            shares.length === weights.length &&
            shares.reduce((a, s) => a + s, 0) === total &&
            shares.every((s, i) => {
              // |s·W − total·w| < W, compared in integers
              const diff = s * weightSum - total * (weights[i] ?? 0)
              return Math.abs(diff) < weightSum
            })
          )
        },
      ),
    )
  })
})
