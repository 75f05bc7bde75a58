import type { RepairKind, RepairSlotWindow } from '@gh/shared'

/**
 * The utility's work-order system (工单系统) in our words: what the repairs feature reads and
 * asks of it. Times are ISO-8601 with offset, as the system gives them; phones are masked
 * except the relay number, which exists to be dialled.
 */

export type WorkOrderStatus =
  'submitted' | 'accepted' | 'dispatched' | 'on_the_way' | 'arrived' | 'resolved'

export type WorkOrderEventType = WorkOrderStatus | 'escalated' | 'rated' | 'urged' | 'reopened'

export interface WorkOrderTechnician {
  /** Full name as the system holds it; the feature shows only the surname. */
  name: string
  team: string
  phoneMasked: string
}

export interface WorkOrderEvent {
  type: WorkOrderEventType
  at: string
  /** The system's own note; only the resolution note is fit to show a resident as it is. */
  note: string
  etaAt: string | null
  /** escalated: the level reached. */
  escalationLevel: number | null
}

export interface VisitSlot {
  date: string
  window: RepairSlotWindow
  from: string
  to: string
  available: boolean
}

export interface WorkOrder {
  orderId: string
  accountNo: string
  kind: RepairKind
  urgent: boolean
  status: WorkOrderStatus
  description: string
  photoIds: string[]
  contactPhoneMasked: string
  /** Unmasked, as printed on a bill. */
  address: string
  slot: { date: string; window: RepairSlotWindow } | null
  createdAt: string
  acceptanceDueAt: string
  escalationLevel: number
  technician: WorkOrderTechnician | null
  /** A virtual number that reaches the technician while the order is open. */
  relayPhone: string | null
  etaAt: string | null
  resolvedAt: string | null
  reopenUntil: string | null
  nextUrgeAt: string | null
  /** Oldest first; the system only ever appends. */
  timeline: WorkOrderEvent[]
  rating: { stars: number; comment: string | null; ratedAt: string } | null
}

export interface NewWorkOrder {
  /** The idempotency key: the same id never makes a second order. */
  requestId: string
  accountNo: string
  kind: RepairKind
  description: string
  photoIds: readonly string[]
  contactPhone: string
  slot?: { date: string; window: RepairSlotWindow }
}

/** Why the system refused a write; anything else is an UpstreamError. */
export type WorkOrderRefusal =
  | 'not_found'
  | 'slot_unavailable'
  | 'urge_too_soon'
  | 'closed'
  | 'not_resolved'
  | 'already_rated'
  | 'reopen_window_closed'
  /** The requestId was used before for a different request. */
  | 'idempotency_mismatch'

export class WorkOrderRefused extends Error {
  constructor(readonly reason: WorkOrderRefusal) {
    super(`work order refused: ${reason}`)
    this.name = 'WorkOrderRefused'
  }
}

export interface WorkOrdersPort {
  /** Half-day visit windows of the next days in the account's district. */
  slots(accountNo: string): Promise<VisitSlot[]>
  /** Throws WorkOrderRefused('slot_unavailable') when the slot is full or not offered. */
  create(order: NewWorkOrder): Promise<WorkOrder>
  /** Newest first. */
  ofAccount(accountNo: string): Promise<WorkOrder[]>
  /** Null when the system does not know the order. */
  get(orderId: string): Promise<WorkOrder | null>
  urge(orderId: string, requestId: string): Promise<WorkOrder>
  rate(orderId: string, rating: { stars: number; comment?: string }): Promise<WorkOrder>
  reopen(orderId: string, request: { requestId: string; reason: string }): Promise<WorkOrder>
}
