import fc from 'fast-check'
import { codeOf } from './thrown-code'
import type { Tariff } from './tariff'
import { assertValidTariff, defaultResidentialTariff, estimateDaysOfGas, gasBill } from './tariff'

const M3 = 1000
const t = defaultResidentialTariff

const volume = fc.integer({ min: 0, max: 2_000 * M3 })

describe('gasBill', () => {
  it('when the bill stays in tier 1, then it is one line at 3.10 元/m³', () => {
    expect(gasBill(t, 0, 100 * M3)).toEqual({
      lines: [{ tier: 1, volumeDm3: 100 * M3, unitPriceFen: 310, amountFen: 31000 }],
      totalFen: 31000,
    })
  })

  it('when the bill crosses from tier 1 into tier 2, then each part is priced at its tier', () => {
    expect(gasBill(t, 300 * M3, 100 * M3)).toEqual({
      lines: [
        { tier: 1, volumeDm3: 50 * M3, unitPriceFen: 310, amountFen: 15500 },
        { tier: 2, volumeDm3: 50 * M3, unitPriceFen: 372, amountFen: 18600 },
      ],
      totalFen: 34100,
    })
  })

  it('when the bill spans all three tiers, then it has three lines', () => {
    const bill = gasBill(t, 340 * M3, 200 * M3)
    expect(bill.lines.map((l) => [l.tier, l.volumeDm3, l.amountFen])).toEqual([
      [1, 10 * M3, 3100],
      [2, 150 * M3, 55800],
      [3, 40 * M3, 18600],
    ])
    expect(bill.totalFen).toBe(77500)
  })

  it('when the year-to-date volume is past tier 2, then everything is tier 3', () => {
    expect(gasBill(t, 600 * M3, 10 * M3).lines).toEqual([
      { tier: 3, volumeDm3: 10 * M3, unitPriceFen: 465, amountFen: 4650 },
    ])
  })

  it('when the year-to-date volume ends exactly on a bound, then the bill starts in the next tier', () => {
    expect(gasBill(t, 350 * M3, 1 * M3).lines.map((l) => l.tier)).toEqual([2])
  })

  it('when a line is a fraction of a fen, then it is rounded half up to the fen', () => {
    expect(gasBill(t, 0, 1).totalFen).toBe(0) // 0.31 fen
    expect(gasBill(t, 0, 2).totalFen).toBe(1) // 0.62 fen
    expect(gasBill(t, 0, 50).totalFen).toBe(16) // 15.5 fen
    expect(gasBill(t, 0, 12_345).totalFen).toBe(3827) // 3826.95 fen
  })

  it('when nothing was used, then there are no lines and nothing to pay', () => {
    expect(gasBill(t, 123 * M3, 0)).toEqual({ lines: [], totalFen: 0 })
  })

  it('when volumes are negative or fractional, then throws INVALID_VOLUME', () => {
    expect(codeOf(() => gasBill(t, -1, 10))).toBe('INVALID_VOLUME')
    expect(codeOf(() => gasBill(t, 0, 1.5))).toBe('INVALID_VOLUME')
  })

  it('when the lines are added up, then they equal the total and the billed volume', () => {
    fc.assert(
      fc.property(volume, volume, (ytd, used) => {
        const bill = gasBill(t, ytd, used)
        return (
          bill.lines.reduce((s, l) => s + l.amountFen, 0) === bill.totalFen &&
          bill.lines.reduce((s, l) => s + l.volumeDm3, 0) === used
        )
      }),
    )
  })

  it('when the volume grows, then the bill never gets cheaper', () => {
    fc.assert(
      fc.property(volume, volume, fc.integer({ min: 0, max: 10 * M3 }), (ytd, used, more) => {
        return gasBill(t, ytd, used + more).totalFen >= gasBill(t, ytd, used).totalFen
      }),
    )
  })

  it('when whole-m³ usage is billed in two parts, then it costs exactly the same as at once', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.nat(1000), (ytd, a, b) => {
        const whole = gasBill(t, ytd * M3, (a + b) * M3).totalFen
        const split =
          gasBill(t, ytd * M3, a * M3).totalFen + gasBill(t, (ytd + a) * M3, b * M3).totalFen
        return whole === split
      }),
    )
  })

  it('when any usage is billed in two parts, then it differs by at most half a fen per line', () => {
    fc.assert(
      fc.property(volume, volume, volume, (ytd, a, b) => {
        const whole = gasBill(t, ytd, a + b)
        const first = gasBill(t, ytd, a)
        const second = gasBill(t, ytd + a, b)
        const lines = whole.lines.length + first.lines.length + second.lines.length
        const diff = Math.abs(first.totalFen + second.totalFen - whole.totalFen)
        return diff * 2 <= lines
      }),
    )
  })
})

describe('assertValidTariff', () => {
  const tier = (upToM3: number | null, priceFenPerM3 = 300) => ({ upToM3, priceFenPerM3 })

  it('when the tariff is the default, then it is valid', () => {
    expect(assertValidTariff(t)).toBe(t)
    expect(() => assertValidTariff({ name: '单一气价', tiers: [tier(null)] })).not.toThrow()
  })

  it.each<[string, Tariff['tiers']]>([
    ['no tiers', []],
    ['four tiers', [tier(1), tier(2), tier(3), tier(null)]],
    ['descending bounds', [tier(500), tier(350), tier(null)]],
    ['equal bounds', [tier(350), tier(350), tier(null)]],
    ['closed last tier', [tier(350), tier(500)]],
    ['open middle tier', [tier(350), tier(null), tier(null)]],
    ['fractional bound', [tier(350.5), tier(null)]],
    ['zero bound', [tier(0), tier(null)]],
    ['fractional price', [tier(350, 3.1), tier(null)]],
    ['zero price', [tier(350, 0), tier(null)]],
  ])('when the tariff has %s, then throws INVALID_TARIFF', (_, tiers) => {
    expect(codeOf(() => assertValidTariff({ name: 'x', tiers }))).toBe('INVALID_TARIFF')
    expect(codeOf(() => gasBill({ name: 'x', tiers }, 0, 1000))).toBe('INVALID_TARIFF')
  })
})

describe('estimateDaysOfGas', () => {
  it('when 31 元 buys 10 m³ at 1 m³ a day, then it lasts 10 days', () => {
    expect(estimateDaysOfGas(3100, 1 * M3, t, 0)).toBe(10)
    expect(estimateDaysOfGas(3099, 1 * M3, t, 0)).toBe(9)
  })

  it('when the balance crosses into a dearer tier, then the days are priced at that tier', () => {
    // 349 m³ used: day 1 costs 3.10 元, day 2 costs 3.72 元
    expect(estimateDaysOfGas(310 + 372, 1 * M3, t, 349 * M3)).toBe(2)
    expect(estimateDaysOfGas(310 + 371, 1 * M3, t, 349 * M3)).toBe(1)
  })

  it('when there is no recent use, then there is no estimate', () => {
    expect(estimateDaysOfGas(5000, 0, t, 0)).toBeNull()
  })

  it('when the balance is zero or in arrears, then it lasts 0 days', () => {
    expect(estimateDaysOfGas(0, M3, t, 0)).toBe(0)
    expect(estimateDaysOfGas(-500, M3, t, 0)).toBe(0)
  })

  it('when any positive balance is estimated, then N days are affordable and N + 1 are not', () => {
    // Zero is the case above (0 days, though a few dm³ round to a bill of ¥0.00).
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 20 * M3 }),
        volume,
        (balance, daily, ytd) => {
          const days = estimateDaysOfGas(balance, daily, t, ytd)
          if (days === null) return false
          return (
            gasBill(t, ytd, days * daily).totalFen <= balance &&
            gasBill(t, ytd, (days + 1) * daily).totalFen > balance
          )
        },
      ),
    )
  })
})
