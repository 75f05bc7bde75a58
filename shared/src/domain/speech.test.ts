import fc from 'fast-check'
import { codeOf } from './thrown-code'
import { speakAmountFen, speakDigits, speakHeatMj, speakNumber, speakVolume } from './speech'

// An independent reader of Chinese numerals, to check that every reading means its number.
const VALUES: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}
const PLACES: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
function readChinese(text: string): number {
  for (const [unit, scale] of [
    ['亿', 1e8],
    ['万', 1e4],
  ] as const) {
    const i = text.lastIndexOf(unit)
    if (i >= 0) return readChinese(text.slice(0, i)) * scale + readChinese(text.slice(i + 1))
  }
  let total = 0
  let pending = 0
  for (const ch of text) {
    const place = PLACES[ch]
    if (place !== undefined) {
      total += (pending || 1) * place
      pending = 0
    } else pending = VALUES[ch] ?? NaN
  }
  return total + pending
}

describe('speakNumber', () => {
  it.each([
    [0, '零'],
    [2, '二'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [22, '二十二'],
    [101, '一百零一'],
    [110, '一百一十'],
    [200, '两百'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1200, '一千二百'],
    [2222, '两千二百二十二'],
    [10000, '一万'],
    [10010, '一万零一十'],
    [20000, '两万'],
    [22000, '两万二千'],
    [100000, '十万'],
    [100001, '十万零一'],
    [150000, '十五万'],
    [220000, '二十二万'],
    [1001000, '一百万一千'],
    [10001000, '一千万一千'],
    [100000000, '一亿'],
    [100010000, '一亿零一万'],
    [101000000, '一亿零一百万'],
    [200000000, '两亿'],
    [1000000000000, '一万亿'],
    [1000100000000, '一万零一亿'],
    [2000000000000, '两万亿'],
    [1000000010000, '一万亿零一万'],
    [Number.MAX_SAFE_INTEGER, '九千零七万一千九百九十二亿五千四百七十四万零九百九十一'],
  ])('when the number is %p, then it is read %p', (n, words) => {
    expect(speakNumber(n)).toBe(words)
  })

  it.each([-1, 1.5, NaN, Number.MAX_SAFE_INTEGER + 1])(
    'when the number is %p, then throws INVALID_NUMBER',
    (n) => {
      expect(codeOf(() => speakNumber(n))).toBe('INVALID_NUMBER')
    },
  )

  it('when any number is read, then the words mean that number and follow the 零 rules', () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat(100_000), fc.nat(10_000_000_000), fc.maxSafeNat()), (n) => {
        const words = speakNumber(n)
        return (
          readChinese(words) === n &&
          !words.includes('零零') &&
          (n === 0 || !words.endsWith('零')) &&
          !words.startsWith('一十')
        )
      }),
    )
  })
})

describe('speakDigits', () => {
  it('when given an account number, then it is read digit by digit', () => {
    expect(speakDigits('1000000001')).toBe('一零零零零零零零零一')
    expect(speakDigits('13812345678')).toBe('一三八一二三四五六七八')
  })

  it.each(['', '12a', '-1', '1 2', '１２'])('when given %p, then throws INVALID_NUMBER', (s) => {
    expect(codeOf(() => speakDigits(s))).toBe('INVALID_NUMBER')
  })
})

describe('speakAmountFen', () => {
  it.each([
    [0, '零元'],
    [5, '五分'],
    [50, '五角'],
    [200, '两元'],
    [222, '两元两角两分'],
    [1230, '十二元三角'],
    [1235, '十二元三角五分'],
    [1205, '十二元零五分'],
    [1200, '十二元'],
    [10005, '一百元零五分'],
    [100000, '一千元'],
    [2000000, '两万元'],
    [2000050, '两万元五角'],
    [1000000001, '一千万元零一分'],
  ])('when the amount is %p fen, then it is read %p', (n, words) => {
    expect(speakAmountFen(n)).toBe(words)
  })

  it('when the amount is negative or fractional, then throws INVALID_NUMBER', () => {
    expect(codeOf(() => speakAmountFen(-1))).toBe('INVALID_NUMBER')
    expect(codeOf(() => speakAmountFen(12.5))).toBe('INVALID_NUMBER')
  })
})

describe('speakVolume', () => {
  it.each([
    [12500, '十二点五立方米'],
    [12345, '十二点三四五立方米'],
    [12050, '十二点零五立方米'],
    [0, '零立方米'],
    [500, '零点五立方米'],
    [2000, '两立方米'],
    [2500, '二点五立方米'],
    [350000, '三百五十立方米'],
  ])('when the volume is %p dm³, then it is read %p', (v, words) => {
    expect(speakVolume(v)).toBe(words)
  })

  it('when the volume is negative, then throws INVALID_VOLUME', () => {
    expect(codeOf(() => speakVolume(-1))).toBe('INVALID_VOLUME')
  })
})

describe('speakHeatMj', () => {
  it.each([
    [8_345, '八点三吉焦'],
    [12_000, '十二吉焦'],
    [960, '一吉焦'],
    [0, '零吉焦'],
  ])('when %i MJ is spoken, then it is %s (to a tenth of a GJ)', (mj, words) => {
    expect(speakHeatMj(mj)).toBe(words)
  })
})
