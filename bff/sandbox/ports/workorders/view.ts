import { maskPhone } from '@gh/shared'
import type { WorkOrder } from '../../../contracts/workorders'
import { toShanghaiIso } from '../../clock'
import type { OrderRecord } from './order-record'
import { REOPEN_WINDOW_MS, steps, type Step } from './schedule'
import type { TechnicianRecord } from './technicians'

export const shortTime = (ms: number): string => toShanghaiIso(ms).slice(11, 16)

/** '11月26日 12:10', for notes a resident reads. */
export function dayAndTime(ms: number): string {
  const local = toShanghaiIso(ms)
  return `${Number(local.slice(5, 7))}月${Number(local.slice(8, 10))}日 ${local.slice(11, 16)}`
}

const iso = (ms: number | null): string | null => (ms === null ? null : toShanghaiIso(ms))

const technicianView = (t: TechnicianRecord | null) =>
  t && { technicianId: t.technicianId, name: t.name, phone: maskPhone(t.phone), team: t.team }

/** The order as the contract describes it; the technician's own number never leaves. */
export function viewOf(order: OrderRecord): WorkOrder {
  const resolved = order.next >= steps.length
  const slot = order.request.preferredSlot
  return {
    orderId: order.orderId,
    requestId: order.request.requestId,
    accountNo: order.account.accountNo,
    kind: order.request.kind,
    urgent: order.urgent,
    status: order.next === 0 ? 'submitted' : (steps[order.next - 1] as Step),
    description: order.request.description,
    photos: [...order.request.photos],
    contactPhone: maskPhone(order.request.contactPhone),
    address: order.account.address.full,
    preferredSlot: slot ? { date: slot.date, window: slot.window } : null,
    createdAt: toShanghaiIso(order.createdAtMs),
    acceptanceDueAt: toShanghaiIso(order.acceptanceDueMs),
    slaBreached: order.slaBreached,
    escalationLevel: order.escalationLevel,
    technician: technicianView(order.technician),
    relayPhone: resolved ? null : order.relayPhone,
    etaAt: iso(order.etaAtMs),
    resolvedAt: iso(resolved ? order.resolvedAtMs : null),
    reopenUntil: iso(
      resolved && order.resolvedAtMs !== null ? order.resolvedAtMs + REOPEN_WINDOW_MS : null,
    ),
    nextUrgeAt: iso(
      resolved
        ? null
        : order.lastUrgeMs === null
          ? order.createdAtMs
          : order.lastUrgeMs + order.slaMs,
    ),
    timeline: order.timeline.map((e) => ({
      type: e.type,
      at: toShanghaiIso(e.atMs),
      note: e.note,
      technician: technicianView(e.technician),
      etaAt: iso(e.etaAtMs),
      escalationLevel: e.escalationLevel,
    })),
    rating: order.rating && {
      score: order.rating.score,
      comment: order.rating.comment,
      ratedAt: toShanghaiIso(order.rating.ratedAtMs),
    },
  }
}
