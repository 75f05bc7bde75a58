import { toShanghaiIso } from '../platform/time'

const DAY_MS = 86_400_000
const DAY = /^\d{4}-\d{2}-\d{2}$/

/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isDay(text: string): boolean {
  if (!DAY.test(text)) return false
  const start = new Date(`${text}T00:00:00+08:00`)
  return !Number.isNaN(start.getTime()) && toShanghaiIso(start).slice(0, 10) === text
}

/** The instants of a Shanghai calendar day: [from, to). */
export function dayRange(day: string): { from: Date; to: Date } {
  const from = new Date(`${day}T00:00:00+08:00`)
  return { from, to: new Date(from.getTime() + DAY_MS) }
}

/** The Shanghai calendar day an instant falls on. */
export function shanghaiDay(at: Date): string {
  return toShanghaiIso(at).slice(0, 10)
}

/** Yesterday in Shanghai: the day whose bills providers publish this morning. */
export function previousShanghaiDay(now: Date): string {
  return shanghaiDay(new Date(now.getTime() - DAY_MS))
}
