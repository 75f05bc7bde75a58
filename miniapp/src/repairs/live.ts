import type { Repair } from '@gh/shared'

/*
 * While a report moves, its page asks again on its own: quickly when someone is on the way to a
 * leak, less often for a fault visited tomorrow. Once 已处理 nothing moves by itself (rating
 * and reopening are the resident's own taps, answered at once).
 */
const URGENT_MS = 5_000
const OTHER_MS = 10_000

export function isSettled(repair: Pick<Repair, 'state'>): boolean {
  return repair.state === 'resolved' || repair.state === 'rated'
}

export function repairPollMs(repair: Pick<Repair, 'state' | 'urgent'>): number | null {
  if (isSettled(repair)) return null
  return repair.urgent ? URGENT_MS : OTHER_MS
}

/** Escalated and still not accepted: once someone accepts it, the escalation is history. */
export function isOverdue(repair: Pick<Repair, 'state' | 'escalation'>): boolean {
  return repair.escalation !== null && repair.state === 'submitted'
}

export type RepairTone = 'done' | 'waiting' | 'problem'

/** The word mark beside the state (colour is never the only signal). */
export function repairTone(repair: Pick<Repair, 'state' | 'escalation'>): RepairTone {
  if (isSettled(repair)) return 'done'
  return isOverdue(repair) ? 'problem' : 'waiting'
}
