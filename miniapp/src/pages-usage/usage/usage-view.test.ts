import type { GasUsage, UsageMonth } from '@gh/shared'
import { chartMonths, chartSeries, usageRows } from './usage-view'

const month = (key: string, usageDm3: number | null, complete = true): UsageMonth => {
  const [y, m] = key.split('-')
  return {
    month: key,
    label: `${y}年${Number(m)}月`,
    usageDm3,
    days: usageDm3 === null ? 0 : complete ? 30 : 14,
    dailyAverageDm3: usageDm3 === null ? null : Math.round(usageDm3 / (complete ? 30 : 14)),
    complete,
    lastYear: {
      month: `${Number(y) - 1}-${m}`,
      usageDm3: usageDm3 === null ? null : usageDm3 - 5_000,
      days: 30,
      dailyAverageDm3: null,
    },
  }
}

const keys = Array.from({ length: 14 }, (_, i) => {
  const index = 2025 * 12 + 10 + i // November 2025 on
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
})

const usage: GasUsage = {
  kind: 'gas',
  accountNo: '1000000001',
  readAt: '2026-12-15T00:00:00+08:00',
  months: keys.map((k, i) => month(k, 60_000 + i * 1_000, i < keys.length - 1)),
  yearToDateDm3: 700_000,
  forecast: null,
  summary: '',
}

test('when the chart is drawn, then it holds the twelve latest whole months in m³ beside last year, the partial month left out', () => {
  const months = chartMonths(usage)
  expect(months.map((m) => m.month)).toEqual(keys.slice(1, 13))
  const series = chartSeries(months)
  expect(series.labels[0]).toBe('25年12月')
  expect(series.labels[1]).toBe('26年1月')
  expect(series.labels[2]).toBe('2月')
  expect(series.thisYear[0]).toBe(61)
  expect(series.lastYear[0]).toBe(56)
})

test('when the table is read, then the newest month comes first, the partial one says how many days', () => {
  const rows = usageRows(usage)
  expect(rows[0]).toEqual({
    month: '2026-12',
    label: '2026年12月（至今14天）',
    usage: '73 m³',
    daily: '5.2 m³',
    lastYear: '68 m³（全月）',
  })
  expect(rows).toHaveLength(13)
})
