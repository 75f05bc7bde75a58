import { forecastFromSeries } from '../src/usage/gas-forecast'
import { meterSeries } from '../src/usage/meter-series'
import { usageMonths } from '../src/usage/usage-months'
import type { MeterReading } from '../src/upstream/meters/meters-port'

/**
 * The forecast on its own, on readings made up for the case: a level from recent readings, the
 * season's turn from the same weeks a year earlier, and the sentence that says so.
 */

/** Monthly readings on the 1st, from `first` (YYYY-MM) on, `perDay(month)` dm³ a day. */
function monthly(first: string, count: number, perDay: (month: number) => number): MeterReading[] {
  const [y, m] = first.split('-').map(Number) as [number, number]
  const readings: MeterReading[] = []
  let register = 1_000_000
  for (let i = 0; i < count; i++) {
    const start = Date.UTC(y, m - 1 + i, 1)
    const end = Date.UTC(y, m + i, 1)
    const month = new Date(start).getUTCMonth() + 1
    const usage = Math.round(((end - start) / 86_400_000) * perDay(month))
    register += usage
    const readAt = `${new Date(end).toISOString().slice(0, 10)}T00:00:00+08:00`
    readings.push({ readAt, readingDm3: register, usageDm3: usage })
  }
  return readings
}

// A wall boiler: 1.5 m³ a day for cooking and water, heating 8 m³ more from December to February.
const boiler = (month: number) => 1500 + (month === 12 || month <= 2 ? 8000 : 0)

test('when heating starts after the recent readings, then the forecast follows last year into the cold months', () => {
  // Readings up to 1 December 2026: the last month read is a mild November.
  const series = meterSeries(monthly('2025-01', 23, boiler), null)
  const forecast = forecastFromSeries(series)
  expect(forecast).toMatchObject({ recentDays: 30, recentDailyDm3: 1500, lastYearDailyDm3: 9500 })
  expect(forecast?.dailyDm3).toBe(9500)
  expect(forecast?.basis).toBe('按近30天日均 1.5 m³ 及去年同期用量估算')
})

test('when there is no year-earlier reading, then the forecast is the recent average and says only that', () => {
  const series = meterSeries(
    monthly('2026-09', 3, () => 2350),
    null,
  )
  const forecast = forecastFromSeries(series)
  expect(forecast).toMatchObject({ dailyDm3: 2350, lastYearDailyDm3: null, recentDays: 30 })
  expect(forecast?.basis).toBe('按近30天日均 2.4 m³ 估算')
})

test('when the meter reports a newer register mid-month, then the recent span runs to it and covers 30–61 days', () => {
  const readings = monthly('2025-11', 13, () => 2000)
  const last = readings.at(-1)
  if (!last) throw new Error('no readings')
  // 10 days into December at 3 m³ a day.
  const series = meterSeries(readings, {
    readingDm3: last.readingDm3 + 30_000,
    lastReadingAt: '2026-12-11T00:00:00+08:00',
  })
  const forecast = forecastFromSeries(series)
  expect(forecast?.recentDays).toBe(40)
  expect(forecast?.recentDailyDm3).toBe(Math.round((30 * 2000 + 30_000) / 40))
})

test('when the registers span less than 30 days, then there is no forecast', () => {
  const day = 86_400_000
  const fresh = [
    { atMs: 0, registerDm3: 0 },
    { atMs: 20 * day, registerDm3: 40_000 },
  ]
  expect(forecastFromSeries(fresh)).toBeNull()
  const onlyState = { readingDm3: 5_000, lastReadingAt: '2026-12-11T00:00:00+08:00' }
  expect(forecastFromSeries(meterSeries([], onlyState))).toBeNull()
})

test('when months are tabled, then a month read to its end is complete and the current one is partial', () => {
  const readings = monthly('2025-11', 13, () => 2000)
  const last = readings.at(-1)
  if (!last) throw new Error('no readings')
  const series = meterSeries(readings, {
    readingDm3: last.readingDm3 + 9_000,
    lastReadingAt: '2026-12-04T00:00:00+08:00',
  })
  const months = usageMonths(series, 3)
  expect(months.map((m) => [m.month, m.complete, m.days, m.usageDm3])).toEqual([
    ['2026-10', true, 31, 62_000],
    ['2026-11', true, 30, 60_000],
    ['2026-12', false, 3, 9_000],
  ])
  expect(months[2]?.lastYear).toEqual({
    month: '2025-12',
    usageDm3: 62_000,
    days: 31,
    dailyAverageDm3: 2000,
  })
  // The readings start in November 2025: October a year earlier is not known.
  expect(months[0]?.lastYear).toEqual({
    month: '2025-10',
    usageDm3: null,
    days: 0,
    dailyAverageDm3: null,
  })
})
