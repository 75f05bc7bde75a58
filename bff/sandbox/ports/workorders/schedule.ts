import type { WorkOrder } from '../../../contracts/workorders'

/**
 * How long each step takes after the previous one, per kind, in sandbox-clock time. A gas leak
 * or a carbon-monoxide alarm has someone on site within about half an hour; other faults are
 * visited the next day. Villages are farther from the depots, so their steps take longer.
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

/** Index in `steps` of dispatch: a reopened order goes back to it. */
export const DISPATCH_STEP = steps.indexOf('dispatched')

const MIN = 60_000
const HOUR = 60 * MIN
export const DAY = 24 * HOUR

const gaps: Record<Kind, readonly number[]> = {
  gas_leak: [2 * MIN, 3 * MIN, 3 * MIN, 22 * MIN, 60 * MIN],
  co_alarm: [2 * MIN, 3 * MIN, 5 * MIN, 20 * MIN, 45 * MIN],
  appliance: [30 * MIN, 2 * HOUR, 18 * HOUR, 40 * MIN, 1 * HOUR],
  meter: [30 * MIN, 2 * HOUR, 20 * HOUR, 40 * MIN, 40 * MIN],
  pipe: [30 * MIN, 1 * HOUR, 4 * HOUR, 40 * MIN, 2 * HOUR],
  no_heat: [20 * MIN, 1 * HOUR, 3 * HOUR, 40 * MIN, 1 * HOUR],
  heating_leak: [10 * MIN, 30 * MIN, 1 * HOUR, 30 * MIN, 1 * HOUR],
  other: [1 * HOUR, 4 * HOUR, 20 * HOUR, 1 * HOUR, 1 * HOUR],
}

export const urgentKinds: ReadonlySet<Kind> = new Set<Kind>(['gas_leak', 'co_alarm'])

/** Which acceptance SLA an order falls under. */
export type SlaClass = 'urgent' | 'urban' | 'rural'

/** Default acceptance SLA per class; the schedule meets it unless dispatch is paused. */
export const defaultAcceptanceSlaMs: Record<SlaClass, number> = {
  urgent: 30 * MIN,
  urban: 2 * HOUR,
  rural: 4 * HOUR,
}

export function slaClassOf(kind: Kind, rural: boolean): SlaClass {
  if (urgentKinds.has(kind)) return 'urgent'
  return rural ? 'rural' : 'urban'
}

export function scheduleOf(kind: Kind, rural: boolean): number[] {
  const factor = rural ? (urgentKinds.has(kind) ? 1.5 : 2) : 1
  return gaps[kind].map((gap) => Math.round(gap * factor))
}

/** A resolved order may be reopened for this long. */
export const REOPEN_WINDOW_MS = 7 * DAY

/** An order still not accepted this many SLA periods after the first breach escalates again. */
export const SECOND_ESCALATION_PERIODS = 2
export const MAX_ESCALATION_LEVEL = 2

export const escalationNotes: Record<number, string> = {
  1: '超过受理时限仍未受理，已升级督办',
  2: '仍未受理，已升级至客服中心督办',
}

export const resolutionNotes: Record<Kind, string> = {
  gas_leak: '漏点已处理，复检无泄漏，已恢复安全用气',
  co_alarm: '已排查燃气热水器和烟道，通风恢复正常，报警器复位',
  appliance: '灶具/热水器已检修，点火和燃烧正常',
  meter: '燃气表已检修，表具工作正常',
  pipe: '管道已检修，气密性测试合格',
  no_heat: '已排气并清洗户内过滤器，室温恢复正常',
  heating_leak: '漏水点已更换阀门/密封件，系统已补水恢复',
  other: '问题已处理完毕',
}
