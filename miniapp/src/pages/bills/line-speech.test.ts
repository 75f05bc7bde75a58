import type { Bill, BillLine } from '@gh/shared'
import { billDetailsSpeech, billLineSpeech, speakArea } from './line-speech'

const tier = (tierNo: 1 | 2, volumeDm3: number, unitPriceFen: number, amountFen: number) =>
  ({
    type: 'gas_tier',
    label: tierNo === 1 ? '第一阶梯' : '第二阶梯',
    tier: tierNo,
    volumeDm3,
    unitPriceFen,
    amountFen,
    explanation: '',
  }) as const satisfies BillLine

describe('a bill’s lines read aloud', () => {
  test('when a gas bill spans two tiers, then the gas used and each tier’s volume, price and total are read in words', () => {
    const bill: Pick<Bill, 'usage' | 'lines'> = {
      usage: { readingFromDm3: 0, readingToDm3: 43762, volumeDm3: 43762, yearToDateBeforeDm3: 0 },
      lines: [tier(1, 30000, 200, 6000), tier(2, 13762, 310, 4266)],
    }
    expect(billDetailsSpeech(bill)).toBe(
      '明细：本期用气四十三点七六二立方米；' +
        '第一阶梯，三十立方米，每立方米两元，共六十元；' +
        '第二阶梯，十三点七六二立方米，每立方米三元一角，共四十二元六角六分。',
    )
  })

  test('when a heating line covers part of the season at a share of the price, then days, area, price and share are read', () => {
    const line: BillLine = {
      type: 'heating_basic',
      label: '停暖基本热费（20 天）',
      areaDm2: 8945,
      priceFenPerM2: 2500,
      days: 20,
      seasonDays: 120,
      percent: 30,
      amountFen: 11181,
      explanation: '',
    }
    expect(billLineSpeech(line)).toBe(
      '停暖基本热费二十天，建筑面积八十九点四五平方米，每平方米二十五元，' +
        '按采暖季一百二十天中的二十天计，收取百分之三十，共一百一十一元八角一分',
    )
  })

  /** 26 days late from 1 November at 0.1 % a day: 0.85 元, with `overdueFen` still unpaid now. */
  const lateFee = (overdueFen: number): BillLine => ({
    type: 'late_fee',
    label: '滞纳金（逾期 26 天）',
    overdueFen,
    fromDate: '2026-11-01',
    days: 26,
    dailyRateBp: 10,
    amountFen: 85,
    explanation: '',
  })

  test('when a late fee is charged, then what was overdue, the daily rate, the start day and the fee are read', () => {
    expect(billLineSpeech(lateFee(3266))).toBe(
      '滞纳金，逾期二十六天，逾期未缴三十二元六角六分，每天百分之零点一，' +
        '从二零二六年十一月一日起算，共八角五分',
    )
  })

  test('when a bill with a late fee has been paid, then the rule is read, not an overdue amount of zero', () => {
    expect(billLineSpeech(lateFee(0))).toBe(
      '滞纳金，逾期二十六天，按逾期未缴金额计，每天百分之零点一，' +
        '从二零二六年十一月一日起算，共八角五分',
    )
  })

  test('when an area is whole or has hundredths, then it is read as a person says it', () => {
    expect(speakArea(20000)).toBe('两百平方米')
    expect(speakArea(8950)).toBe('八十九点五平方米')
  })
})

test('when a 计量热费 line is read aloud, then the heat is said in 吉焦 and the price per 吉焦', () => {
  const line: BillLine = {
    type: 'heating_metered',
    label: '计量热费',
    heatMj: 30_120,
    priceFenPerGj: 4_800,
    amountFen: 144_576,
    explanation: '热量表计量 30.12 GJ × 48.00 元/GJ = 1445.76 元',
  }
  const text = billLineSpeech(line)
  expect(text).toContain('用热三十点一吉焦')
  expect(text).toContain('每吉焦四十八元')
  expect(text).not.toMatch(/GJ|×/)
})
