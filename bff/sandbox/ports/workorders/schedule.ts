import type { WorkOrder } from '../../../contracts/workorders'

/**
 * How long each step takes after the previous one, per kind, in sandbox-clock time. A gas leak
 * has someone on site within about half an hour; other faults are visited the next day.
 * Villages are farther from the depots, so their steps take longer.
 */

export type Kind = WorkOrder['kind']
export type Step = 'accepted' | 'dispatched' | 'on_the_way' | 'arrived' | 'resolved'
export const steps: readonly Step[] = [
  'accepted',
  'dispatched',
  'on_the_way',
  'arrived',
  'resolved',
]

const MIN = 60_000
const HOUR = 60 * MIN

const gaps: Record<Kind, readonly number[]> = {
  gas_leak: [2 * MIN, 3 * MIN, 3 * MIN, 22 * MIN, 60 * MIN],
  no_heat: [20 * MIN, 1 * HOUR, 3 * HOUR, 40 * MIN, 1 * HOUR],
  meter_fault: [30 * MIN, 2 * HOUR, 20 * HOUR, 40 * MIN, 40 * MIN],
  other: [1 * HOUR, 4 * HOUR, 20 * HOUR, 1 * HOUR, 1 * HOUR],
}

/** Default acceptance SLA per kind; the schedule meets it unless dispatch is paused. */
export const defaultAcceptanceSlaMs: Record<Kind, number> = {
  gas_leak: 5 * MIN,
  no_heat: 1 * HOUR,
  meter_fault: 2 * HOUR,
  other: 4 * HOUR,
}

export function scheduleOf(kind: Kind, rural: boolean): number[] {
  const factor = rural ? (kind === 'gas_leak' ? 1.5 : 2) : 1
  return gaps[kind].map((gap) => Math.round(gap * factor))
}

export const resolutionNotes: Record<Kind, string> = {
  gas_leak: '漏点已处理，复检无泄漏，已恢复安全用气',
  no_heat: '已排气并清洗户内过滤器，室温恢复正常',
  meter_fault: '燃气表已检修，表具工作正常',
  other: '问题已处理完毕',
}
