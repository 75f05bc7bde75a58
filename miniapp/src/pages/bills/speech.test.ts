import type { Bill } from '@gh/shared'
import { aBill as bill } from '../../../test/fixtures'
import { billFacts, billsSpeech, spokenBillTitle } from './speech'

const paid = (month: number): Bill =>
  bill({
    billId: `G10000000052026${String(month).padStart(2, '0')}`,
    period: { from: `2026-${String(month).padStart(2, '0')}-01`, to: '2026-01-31' },
    amountFen: 3000,
    lateFeeFen: 0,
    paidFen: 3000,
    outstandingFen: 0,
    status: 'paid',
    statusLabel: '已缴',
    overdue: false,
  })

describe('what 朗读 says on 账单', () => {
  test('when there are bills, then the unpaid count, amounts and due dates are read', () => {
    const text = billsSpeech({
      loggedIn: true,
      bills: [
        { period: '十一月燃气费', amountFen: 8650, paid: false, dueDate: '2026-12-15' },
        { period: '十月燃气费', amountFen: 7000, paid: true },
        { period: '供暖费', amountFen: 250000, paid: false },
      ],
    })
    expect(text).toContain('共有两张账单未交。')
    expect(text).toContain('十一月燃气费，八十六元五角，未交，请在二零二六年十二月十五日前交费。')
    expect(text).toContain('十月燃气费，七十元，已交清。')
  })

  test('when not logged in or no bills, then bills says what to do', () => {
    expect(billsSpeech({ loggedIn: false, bills: [] })).toContain('登录并绑定户号后')
    expect(billsSpeech({ loggedIn: true, bills: [] })).toContain('暂无账单')
  })

  test('when money is owed with a late fee, then the owed amount and the fee are read first, in words', () => {
    const text = billsSpeech({
      loggedIn: true,
      owedFen: 10836,
      lateFeeFen: 259,
      bills: [billFacts(bill({}))],
    })
    expect(text.startsWith('账单。应缴金额一百零八元三角六分，其中滞纳金两元五角九分。')).toBe(true)
    expect(text).toContain(
      '二零二六年九月燃气费，三十三元五角一分，含滞纳金八角五分，未交，已逾期，请尽快交费。',
    )
  })

  test('when a bill is partly paid, then what is still owed on it is read', () => {
    const partly = bill({ status: 'partially_paid', paidFen: 1000, outstandingFen: 2351 })
    const text = billsSpeech({ loggedIn: true, owedFen: 2351, bills: [billFacts(partly)] })
    expect(text).toContain('已交一部分，还差二十三元五角一分')
  })

  test('when nothing is owed, then it says so and older paid bills are counted, not read one by one', () => {
    const bills = [1, 2, 3, 4, 5, 6].map((m) => billFacts(paid(7 - m)))
    const text = billsSpeech({ loggedIn: true, owedFen: 0, bills })
    expect(text).toContain('目前没有待缴费用。全部已交清。')
    expect(text).toContain('二零二六年六月燃气费，三十元，已交清。')
    expect(text).toContain('二零二六年四月燃气费')
    expect(text).not.toContain('二零二六年三月燃气费')
    expect(text).toContain('更早的三张账单都已交清。')
  })

  test('when the bill is a heating season, then its title is read as the season', () => {
    const heating = { kind: 'heating', period: { from: '2026-11-15', to: '2027-03-15' } } as const
    expect(spokenBillTitle(heating)).toBe('二零二六至二零二七年采暖季供暖费')
  })
})

describe('账单 朗读 with the bills’ details', () => {
  const lines: Bill['lines'] = [
    {
      type: 'gas_tier',
      label: '第一阶梯',
      tier: 1,
      volumeDm3: 15000,
      unitPriceFen: 200,
      amountFen: 3000,
      explanation: '15 m³ × 2.00 元/m³ = 30.00 元',
    },
  ]

  test('when an unpaid bill is explained, then its lines are read in words right after it', () => {
    const unpaid = bill({ amountFen: 3000, lateFeeFen: 0, outstandingFen: 3000, lines })
    const text = billsSpeech({ loggedIn: true, owedFen: 3000, bills: [billFacts(unpaid, true)] })
    expect(text).toContain(
      '二零二六年九月燃气费，三十元，未交，已逾期，请尽快交费。' +
        '明细：第一阶梯，十五立方米，每立方米两元，共三十元。',
    )
    expect(text).not.toMatch(/m³|×|\d/)
  })

  test('when a paid bill is not open, then only its amount is read; once opened, its lines are read too', () => {
    const shut = billsSpeech({ loggedIn: true, owedFen: 0, bills: [billFacts(paid(8))] })
    expect(shut).not.toContain('明细')
    const older = [1, 2, 3, 4].map((m) => billFacts(paid(9 - m)))
    const opened = billFacts({ ...paid(4), lines }, true)
    const text = billsSpeech({ loggedIn: true, owedFen: 0, bills: [...older, opened] })
    expect(text).toContain('二零二六年四月燃气费，三十元，已交清。明细：第一阶梯，十五立方米')
    expect(text).toContain('更早的一张账单都已交清。')
  })
})
