import fc from 'fast-check'
import { codeOf } from './thrown-code'
import {
  COMMON_STOPPED_HEATING_FEE_PERCENT,
  heatingCompensationFen,
  heatingDailyFeeFen,
  heatingSeasonFee,
  heatingSeasonFeeFen,
  heatingStopQuote,
} from './heating'
import { m2StringToDm2 } from './volume'

const area = fc.integer({ min: 0, max: 1_000_000 }) // up to 10 000 m²
const price = fc.integer({ min: 0, max: 10_000 })
const proration = fc.integer({ min: 1, max: 200 }).chain((seasonDays) =>
  fc.record({
    seasonDays: fc.constant(seasonDays),
    heatedDays: fc.integer({ min: 0, max: seasonDays }),
    stoppedFeePercent: fc.integer({ min: 0, max: 100 }),
  }),
)

describe('heatingSeasonFee', () => {
  it('when a home of 89.45 m² is heated all season at 24 元/m², then it pays 2146.80 元', () => {
    expect(heatingSeasonFee(m2StringToDm2('89.45'), 2400)).toEqual({
      heatedFen: 214680,
      stoppedFen: 0,
      totalFen: 214680,
    })
  })

  it('when heating was stopped for part of the season, then stopped days pay the given share', () => {
    // exact: 142172.19 heated + 21752.34 stopped = 163924.53 → 163925; heated 142172
    const fee = heatingSeasonFee(8945, 2400, {
      seasonDays: 151,
      heatedDays: 100,
      stoppedFeePercent: COMMON_STOPPED_HEATING_FEE_PERCENT,
    })
    expect(fee).toEqual({ heatedFen: 142172, stoppedFen: 21753, totalFen: 163925 })
  })

  it('when the whole season is stopped (报停), then only the basic share is charged', () => {
    expect(
      heatingSeasonFeeFen(8945, 2400, { seasonDays: 151, heatedDays: 0, stoppedFeePercent: 30 }),
    ).toBe(64404)
  })

  it('when a line is a fraction of a fen, then it is rounded half up', () => {
    // 0.05 m² × 30 fen/m² = 1.5 fen → 2; 0.01 m² × 24 元 × 30% = 7.2 fen → 7
    expect(heatingSeasonFeeFen(5, 30)).toBe(2)
    expect(
      heatingSeasonFeeFen(1, 2400, { seasonDays: 10, heatedDays: 0, stoppedFeePercent: 30 }),
    ).toBe(7)
  })

  it('when the inputs are out of range, then throws a typed error', () => {
    expect(codeOf(() => heatingSeasonFee(-1, 2400))).toBe('INVALID_AREA')
    expect(codeOf(() => heatingSeasonFee(89.45, 2400))).toBe('INVALID_AREA')
    expect(codeOf(() => heatingSeasonFee(100, 24.5))).toBe('INVALID_AMOUNT')
    const bad = (seasonDays: number, heatedDays: number, stoppedFeePercent: number) =>
      codeOf(() => heatingSeasonFee(100, 2400, { seasonDays, heatedDays, stoppedFeePercent }))
    expect(bad(0, 0, 30)).toBe('INVALID_PRORATION')
    expect(bad(151, 152, 30)).toBe('INVALID_PRORATION')
    expect(bad(151, -1, 30)).toBe('INVALID_PRORATION')
    expect(bad(151, 100, 101)).toBe('INVALID_PRORATION')
    expect(bad(151, 100, 2.5)).toBe('INVALID_PRORATION')
  })

  it('when the fee is prorated, then its lines add up to a total within half a fen of exact', () => {
    fc.assert(
      fc.property(area, price, proration, (a, p, pr) => {
        const fee = heatingSeasonFee(a, p, pr)
        const stoppedDays = pr.seasonDays - pr.heatedDays
        // exact fee × 10⁴·seasonDays, in integers
        const exact = a * p * (pr.heatedDays * 100 + stoppedDays * pr.stoppedFeePercent)
        const scale = 10_000 * pr.seasonDays
        return (
          fee.heatedFen + fee.stoppedFen === fee.totalFen &&
          fee.stoppedFen >= 0 &&
          Math.abs(fee.totalFen * scale - exact) * 2 <= scale
        )
      }),
    )
  })

  it('when every day was heated or stopped days pay 100%, then the fee is the full fee', () => {
    fc.assert(
      fc.property(area, price, proration, (a, p, pr) => {
        const full = heatingSeasonFeeFen(a, p)
        const allHeated = heatingSeasonFeeFen(a, p, { ...pr, heatedDays: pr.seasonDays })
        const fullShare = heatingSeasonFeeFen(a, p, { ...pr, stoppedFeePercent: 100 })
        return allHeated === full && fullShare === full
      }),
    )
  })

  it('when more days are heated, then the fee never goes down', () => {
    fc.assert(
      fc.property(area, price, proration, (a, p, pr) => {
        fc.pre(pr.heatedDays < pr.seasonDays)
        const more = heatingSeasonFeeFen(a, p, { ...pr, heatedDays: pr.heatedDays + 1 })
        return more >= heatingSeasonFeeFen(a, p, pr)
      }),
    )
  })
})

describe('heatingStopQuote', () => {
  it('when 98.56 m² at 22.80 元 stops for a 121-day season at 30%, then it pays 674.15 元 instead of 2247.17 元', () => {
    // 224716.8 → 224717; × 30% = 67415.04 → 67415
    expect(heatingStopQuote(9856, 2280, { seasonDays: 121, stoppedFeePercent: 30 })).toEqual({
      fullFen: 224717,
      stoppedFen: 67415,
      savingFen: 157302,
    })
  })

  it('when any home stops, then it pays no more than heated and the saving is the difference', () => {
    fc.assert(
      fc.property(area, price, proration, (a, p, pr) => {
        const quote = heatingStopQuote(a, p, pr)
        return (
          quote.stoppedFen <= quote.fullFen &&
          quote.savingFen === quote.fullFen - quote.stoppedFen &&
          quote.stoppedFen === heatingSeasonFeeFen(a, p, { ...pr, heatedDays: 0 })
        )
      }),
    )
  })
})

describe('heatingCompensationFen', () => {
  it('when 98.56 m² at 22.80 元 in a 122-day season is 3 days below standard at 50%, then 27.63 元 come back', () => {
    // daily 224716.8 / 122 = 1841.94 fen → 18.42 元; × 3 × 50% = 2762.91 → 2763
    expect(heatingDailyFeeFen(9856, 2280, 122)).toBe(1842)
    expect(heatingCompensationFen(9856, 2280, { days: 3, seasonDays: 122, percent: 50 })).toBe(2763)
  })

  it('when every day of the season is compensated at 100%, then the whole season fee comes back', () => {
    fc.assert(
      fc.property(area, price, fc.integer({ min: 1, max: 200 }), (a, p, seasonDays) => {
        const all = heatingCompensationFen(a, p, { days: seasonDays, seasonDays, percent: 100 })
        return all === heatingSeasonFeeFen(a, p)
      }),
    )
  })

  it('when more days are compensated, then the amount never goes down', () => {
    fc.assert(
      fc.property(area, price, proration, fc.integer({ min: 0, max: 100 }), (a, p, pr, percent) => {
        fc.pre(pr.heatedDays < pr.seasonDays)
        const days = pr.heatedDays
        const c = (d: number) =>
          heatingCompensationFen(a, p, { days: d, seasonDays: pr.seasonDays, percent })
        return c(days + 1) >= c(days)
      }),
    )
  })

  it('when the inputs are out of range, then throws a typed error', () => {
    const bad = (days: number, seasonDays: number, percent: number) =>
      codeOf(() => heatingCompensationFen(9856, 2280, { days, seasonDays, percent }))
    expect(bad(123, 122, 50)).toBe('INVALID_PRORATION')
    expect(bad(-1, 122, 50)).toBe('INVALID_PRORATION')
    expect(bad(3, 122, 101)).toBe('INVALID_PRORATION')
    expect(bad(3, 0, 50)).toBe('INVALID_PRORATION')
  })
})
