import type { UsageMonth } from '@gh/shared'

/** What a metered answer counts in: gas in m³, a heat meter in GJ (吉焦). */
export type UsageUnit = 'm³' | 'GJ'

/** Gas and metered heat alike: months in thousandths of the unit (dm³, MJ). */
interface MeteredMonths {
  months: readonly UsageMonth[]
}

/** m³ to one decimal for the page, e.g. 2350 dm³ → '2.4'; whole months to the m³. */
export const m3Text = (dm3: number, decimals = 1) =>
  (Math.round(dm3 / 10 ** (3 - decimals)) / 10 ** decimals).toFixed(decimals)

/** The twelve latest whole months: what the chart compares with the year before. */
export function chartMonths(usage: MeteredMonths): UsageMonth[] {
  return usage.months.filter((m) => m.complete).slice(-12)
}

export interface ChartSeries {
  /** '1月' … '12月', with the year on January and on the first month. */
  labels: string[]
  /** m³ per month; null where nothing was read. */
  thisYear: (number | null)[]
  lastYear: (number | null)[]
}

const toM3 = (dm3: number | null) => (dm3 === null ? null : Math.round(dm3 / 100) / 10)

export function chartSeries(months: readonly UsageMonth[]): ChartSeries {
  return {
    labels: months.map((m, i) => {
      const [year, month] = m.month.split('-')
      const n = Number(month)
      return i === 0 || n === 1 ? `${year?.slice(2)}年${n}月` : `${n}月`
    }),
    thisYear: months.map((m) => toM3(m.usageDm3)),
    lastYear: months.map((m) => toM3(m.lastYear.usageDm3)),
  }
}

/** The rows of the table under the chart, newest first: what a screen reader reads. */
export interface UsageRow {
  month: string
  label: string
  usage: string
  daily: string
  lastYear: string
}

export function usageRows(usage: MeteredMonths, unit: UsageUnit = 'm³'): UsageRow[] {
  return usage.months
    .filter((m) => m.usageDm3 !== null)
    .slice(-13)
    .reverse()
    .map((m) => ({
      month: m.month,
      label: m.complete ? m.label : `${m.label}（至今${m.days}天）`,
      usage: `${m3Text(m.usageDm3 ?? 0, unit === 'GJ' ? 1 : 0)} ${unit}`,
      daily:
        m.dailyAverageDm3 === null
          ? '—'
          : `${m3Text(m.dailyAverageDm3, unit === 'GJ' ? 2 : 1)} ${unit}`,
      // This month is read only so far; a year ago it is the whole month, and says so.
      lastYear:
        m.lastYear.usageDm3 === null
          ? '无记录'
          : `${m3Text(m.lastYear.usageDm3, unit === 'GJ' ? 1 : 0)} ${unit}${m.complete ? '' : '（全月）'}`,
    }))
}
