import { dayOfDate } from '../ports/meters/days'
import { dailyHeatMj, heatMetering, type HeatMeterBook } from '../ports/billing/heat-meter'

/** The 热计量 persona's heat meter on its own: heat follows the season, 停暖 and the clock. */
const heated: HeatMeterBook = { accountNo: '1000000012', areaDm2: 8_940, heated: () => true }

test('when the day is outside 15 November – 15 March, then the meter counts no heat', () => {
  for (const [m, d] of [
    [3, 16],
    [6, 1],
    [11, 14],
  ] as const) {
    expect(dailyHeatMj(heated, dayOfDate(2026, m, d))).toBe(0)
  }
  expect(dailyHeatMj(heated, dayOfDate(2026, 11, 15))).toBeGreaterThan(0)
  expect(dailyHeatMj(heated, dayOfDate(2027, 3, 15))).toBeGreaterThan(0)
})

test('when the home has 停暖 for the season, then the meter counts no heat on any day of it', () => {
  const stopped: HeatMeterBook = { ...heated, heated: () => false }
  expect(dailyHeatMj(stopped, dayOfDate(2027, 1, 10))).toBe(0)
  expect(heatMetering(stopped, dayOfDate(2027, 2, 1)).seasonHeatMj).toBe(0)
})

test('when the clock moves on, then this month grows and earlier months stay as read', () => {
  const early = heatMetering(heated, dayOfDate(2026, 12, 10))
  const later = heatMetering(heated, dayOfDate(2026, 12, 20))
  expect(later.months.at(-1)?.heatMj).toBeGreaterThan(early.months.at(-1)?.heatMj ?? 0)
  expect(later.months.at(-1)).toMatchObject({ month: '2026-12', days: 19 })
  expect(later.months.find((m) => m.month === '2026-11')).toEqual(
    early.months.find((m) => m.month === '2026-11'),
  )
  expect(later.seasonHeatMj - early.seasonHeatMj).toBe(
    (later.months.at(-1)?.heatMj ?? 0) - (early.months.at(-1)?.heatMj ?? 0),
  )
})

test('when an area-billed account is asked, then it has no heat meter reading', () => {
  expect(dailyHeatMj({ ...heated, accountNo: '1000000004' }, dayOfDate(2027, 1, 10))).toBe(0)
})
