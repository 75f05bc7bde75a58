/**
 * Calendar arithmetic in Asia/Shanghai on whole days. A "day" is the number of days since
 * 1970-01-01 in local time, so bills, readings and limits fall on the dates residents see.
 */

export const DAY_MS = 86_400_000
const OFFSET_MS = 8 * 60 * 60 * 1000

export function dayOf(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS)
}

export function dayStartMs(day: number): number {
  return day * DAY_MS - OFFSET_MS
}

export function dayOfDate(year: number, month: number, date: number): number {
  return Math.floor(Date.UTC(year, month - 1, date) / DAY_MS)
}

export interface Ymd {
  readonly year: number
  readonly month: number
  readonly date: number
}

export function ymdOf(day: number): Ymd {
  const d = new Date(day * DAY_MS)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() }
}

/** `YYYY-MM-DD` of a day. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** The day of a `YYYY-MM-DD` string (already validated by the contract). */
export function dayOfIsoDate(text: string): number {
  return Math.floor(Date.parse(`${text}T00:00:00Z`) / DAY_MS)
}

/** Months counted from year 0, so month arithmetic is integer addition. */
export function monthIndexOf(day: number): number {
  const { year, month } = ymdOf(day)
  return year * 12 + month - 1
}

export function monthStartDay(monthIndex: number): number {
  return dayOfDate(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 1)
}
