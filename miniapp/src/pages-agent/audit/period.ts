/** The periods a supervisor picks from; the BFF takes at most three months at once. */
export const periods = { 近7天: 7, 近30天: 30, 近90天: 90 } as const
export type PeriodLabel = keyof typeof periods

const DAY_MS = 24 * 3600_000

/** The last `days` days up to now, as the ISO times the audit routes take. */
export function periodOf(label: PeriodLabel, now: Date): { from: string; to: string } {
  // A little past now, so an action of this very minute is in the list.
  const to = new Date(now.getTime() + 60_000)
  const from = new Date(to.getTime() - periods[label] * DAY_MS)
  return { from: from.toISOString(), to: to.toISOString() }
}

export function isPeriod(label: string | undefined): label is PeriodLabel {
  return label !== undefined && label in periods
}
