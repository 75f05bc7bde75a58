import type { MeterReading, MeterState } from '../upstream/meters/meters-port'

/**
 * A meter's register over time, from its monthly readings and its latest state. Between two
 * registers the gas is taken to have been burnt evenly, so any span (a calendar month, the same
 * weeks a year earlier) can be measured whatever days the meter happened to be read on.
 */

export const DAY_MS = 86_400_000
const OFFSET_MS = 8 * 3_600_000

export interface RegisterPoint {
  atMs: number
  registerDm3: number
}

/** Registers oldest first, strictly later each time. */
export type MeterSeries = readonly RegisterPoint[]

/**
 * Each monthly reading holds its register and the use since the reading before; the first
 * reading's predecessor is not listed, so it stands a month earlier (readings are monthly). The
 * meter's own latest register joins when it is newer (an IoT meter uploads daily).
 */
export function meterSeries(
  readings: readonly MeterReading[],
  latest: Pick<MeterState, 'readingDm3' | 'lastReadingAt'> | null,
): MeterSeries {
  const points: RegisterPoint[] = []
  const first = readings[0]
  if (first && first.usageDm3 >= 0 && first.readingDm3 >= first.usageDm3) {
    const atMs = monthBefore(Date.parse(first.readAt))
    points.push({ atMs, registerDm3: first.readingDm3 - first.usageDm3 })
  }
  const add = (atMs: number, registerDm3: number) => {
    const last = points.at(-1)
    if (Number.isNaN(atMs) || (last && (atMs <= last.atMs || registerDm3 < last.registerDm3))) {
      return
    }
    points.push({ atMs, registerDm3 })
  }
  for (const r of readings) add(Date.parse(r.readAt), r.readingDm3)
  if (latest) add(Date.parse(latest.lastReadingAt), latest.readingDm3)
  return points
}

/**
 * Gas used between two instants, with how much of that span the registers cover; a span before
 * the first register or after the latest is not covered.
 */
export function usageBetween(
  series: MeterSeries,
  fromMs: number,
  toMs: number,
): { usageDm3: number; coveredMs: number } {
  let usageDm3 = 0
  let coveredMs = 0
  for (let i = 1; i < series.length; i++) {
    const a = series[i - 1]
    const b = series[i]
    if (!a || !b) continue
    const from = Math.max(a.atMs, fromMs)
    const to = Math.min(b.atMs, toMs)
    if (to <= from) continue
    coveredMs += to - from
    usageDm3 += ((b.registerDm3 - a.registerDm3) * (to - from)) / (b.atMs - a.atMs)
  }
  return { usageDm3, coveredMs }
}

/** Use over a span the registers cover entirely, dm³ a day; null when they do not. */
export function dailyOver(series: MeterSeries, fromMs: number, toMs: number): number | null {
  if (toMs <= fromMs) return null
  const { usageDm3, coveredMs } = usageBetween(series, fromMs, toMs)
  return coveredMs < toMs - fromMs ? null : (usageDm3 * DAY_MS) / (toMs - fromMs)
}

/** The Asia/Shanghai calendar fields of an instant (China keeps no daylight saving). */
function local(ms: number): Date {
  return new Date(ms + OFFSET_MS)
}

function fromLocal(date: Date): number {
  return date.getTime() - OFFSET_MS
}

/** The same local time a year earlier (29 February falls on 1 March). */
export function yearBefore(ms: number): number {
  const d = local(ms)
  d.setUTCFullYear(d.getUTCFullYear() - 1)
  return fromLocal(d)
}

function monthBefore(ms: number): number {
  const d = local(ms)
  d.setUTCMonth(d.getUTCMonth() - 1)
  return fromLocal(d)
}

/** Months counted from year 0 in Asia/Shanghai, so month arithmetic is integer addition. */
export function monthIndexOf(ms: number): number {
  const d = local(ms)
  return d.getUTCFullYear() * 12 + d.getUTCMonth()
}

export function monthStartMs(index: number): number {
  return Date.UTC(Math.floor(index / 12), index % 12, 1) - OFFSET_MS
}

/** `YYYY-MM` of a month index. */
export function monthKey(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** Midnight of 1 January (Asia/Shanghai) of the year an instant falls in. */
export function yearStartMs(ms: number): number {
  return Date.UTC(local(ms).getUTCFullYear(), 0, 1) - OFFSET_MS
}
