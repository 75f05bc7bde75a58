import type { MonthUse, UsageMonth } from '@gh/shared'
import {
  DAY_MS,
  monthIndexOf,
  monthKey,
  monthStartMs,
  usageBetween,
  type MeterSeries,
} from './meter-series'

/** Use over one calendar month, as far as the registers cover it. */
function monthUse(series: MeterSeries, index: number): MonthUse {
  const { usageDm3, coveredMs } = usageBetween(series, monthStartMs(index), monthStartMs(index + 1))
  const days = Math.round(coveredMs / DAY_MS)
  if (days === 0) return { month: monthKey(index), usageDm3: null, days: 0, dailyAverageDm3: null }
  return {
    month: monthKey(index),
    usageDm3: Math.round(usageDm3),
    days,
    dailyAverageDm3: Math.round(usageDm3 / days),
  }
}

/**
 * The last `count` calendar months up to the latest register, oldest first, each beside the same
 * month a year earlier. The latest month is partial unless the meter was read at its very end.
 */
export function usageMonths(series: MeterSeries, count: number): UsageMonth[] {
  const latest = series.at(-1)
  if (!latest) return []
  // A register taken at midnight on the 1st closes the month before and opens nothing yet.
  const lastIndex = monthIndexOf(latest.atMs - 1)
  const out: UsageMonth[] = []
  for (let index = lastIndex - count + 1; index <= lastIndex; index++) {
    const use = monthUse(series, index)
    const month = (index % 12) + 1
    out.push({
      ...use,
      label: `${Math.floor(index / 12)}年${month}月`,
      complete: monthStartMs(index + 1) <= latest.atMs,
      lastYear: monthUse(series, index - 12),
    })
  }
  return out
}
