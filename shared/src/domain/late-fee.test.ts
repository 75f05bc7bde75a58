import fc from 'fast-check'
import { codeOf } from './thrown-code'
import { COMMON_LATE_FEE_DAILY_RATE_BP, lateFee, type ChargeChange } from './late-fee'

const rate = COMMON_LATE_FEE_DAILY_RATE_BP
const due = 100

describe('lateFee', () => {
  it('when a bill of 123.45 元 is 26 days overdue at 0.1% a day, then the fee is 3.21 元', () => {
    // 12345 × 26 × 0.001 = 320.97 → 321
    expect(lateFee(12345, [], { dueDay: due, asOfDay: due + 26, dailyRateBp: rate })).toEqual({
      feeFen: 321,
      days: 26,
      fenDays: 12345 * 26,
      overdueFen: 12345,
      capped: false,
    })
  })

  it('when the bill is paid by the due date, or it is still the due date, then there is no fee', () => {
    const terms = { dueDay: due, asOfDay: due + 30, dailyRateBp: rate }
    expect(lateFee(5000, [{ day: due, fen: 5000 }], terms).feeFen).toBe(0)
    expect(lateFee(5000, [], { ...terms, asOfDay: due }).feeFen).toBe(0)
  })

  it('when the bill is paid the day after the due date, then one day is charged and the fee stops', () => {
    const paid: ChargeChange[] = [{ day: due + 1, fen: 20000 }]
    const fee = lateFee(20000, paid, { dueDay: due, asOfDay: due + 40, dailyRateBp: rate })
    expect(fee).toMatchObject({ feeFen: 20, days: 1, overdueFen: 0 })
  })

  it('when part is paid while overdue, then later days accrue on the rest only', () => {
    // 10 days on 10000, then 5 days on 4000: 100000 + 20000 fen-days → 120 fen
    const changes = [{ day: due + 10, fen: 6000 }]
    const fee = lateFee(10000, changes, { dueDay: due, asOfDay: due + 15, dailyRateBp: rate })
    expect(fee).toEqual({ feeFen: 120, days: 15, fenDays: 120000, overdueFen: 4000, capped: false })
  })

  it('when a payment is refunded, then the fee accrues again from the day after the refund', () => {
    const changes = [
      { day: due + 2, fen: 10000 },
      { day: due + 5, fen: -10000 },
    ]
    const fee = lateFee(10000, changes, { dueDay: due, asOfDay: due + 7, dailyRateBp: rate })
    expect(fee).toMatchObject({ days: 4, fenDays: 40000, feeFen: 40 })
  })

  it('when the fee would exceed the charges, then it is capped at the charges', () => {
    const fee = lateFee(1000, [], { dueDay: due, asOfDay: due + 1500, dailyRateBp: rate })
    expect(fee).toMatchObject({ feeFen: 1000, capped: true })
  })

  it('when changes come after the as-of day, then they are ignored', () => {
    const changes = [{ day: due + 20, fen: 10000 }]
    const fee = lateFee(10000, changes, { dueDay: due, asOfDay: due + 3, dailyRateBp: rate })
    expect(fee).toMatchObject({ feeFen: 30, overdueFen: 10000 })
  })

  it('when the inputs are out of range, then throws a typed error', () => {
    const terms = { dueDay: due, asOfDay: due + 3, dailyRateBp: rate }
    expect(codeOf(() => lateFee(-1, [], terms))).toBe('INVALID_AMOUNT')
    expect(codeOf(() => lateFee(100, [{ day: due, fen: 101 }], terms))).toBe('INVALID_AMOUNT')
    expect(codeOf(() => lateFee(100, [{ day: due, fen: -1 }], terms))).toBe('INVALID_AMOUNT')
    expect(codeOf(() => lateFee(100, [], { ...terms, dailyRateBp: 0.5 }))).toBe('INVALID_AMOUNT')
    expect(codeOf(() => lateFee(100, [], { ...terms, asOfDay: 1.5 }))).toBe('INVALID_DATE')
  })

  const bill = fc.record({
    charge: fc.integer({ min: 0, max: 10_000_000 }),
    paidOn: fc.integer({ min: -30, max: 400 }),
    asOf: fc.integer({ min: -30, max: 400 }),
  })

  it('when time passes, then the fee never goes down and never exceeds the charges', () => {
    fc.assert(
      fc.property(bill, fc.integer({ min: 0, max: 400 }), ({ charge, asOf }, more) => {
        const at = (asOfDay: number) => lateFee(charge, [], { dueDay: 0, asOfDay, dailyRateBp: 10 })
        const later = at(asOf + more).feeFen
        return later >= at(asOf).feeFen && later <= charge
      }),
    )
  })

  it('when the same bill is paid earlier, then the fee is never higher', () => {
    fc.assert(
      fc.property(bill, fc.integer({ min: 0, max: 100 }), ({ charge, paidOn, asOf }, earlier) => {
        const fee = (day: number) =>
          lateFee(charge, [{ day, fen: charge }], { dueDay: 0, asOfDay: asOf, dailyRateBp: 10 })
        return fee(paidOn - earlier).feeFen <= fee(paidOn).feeFen
      }),
    )
  })
})
