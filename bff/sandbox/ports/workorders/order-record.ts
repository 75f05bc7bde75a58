import type { CustomerAccount } from '../../../contracts/customers'
import type { CreateWorkOrderRequest, WorkOrder } from '../../../contracts/workorders'
import { hashString } from '../../random'
import type { TechnicianRecord } from './technicians'

export type EventType = WorkOrder['timeline'][number]['type']

export interface EventRecord {
  type: EventType
  atMs: number
  note: string
  technician: TechnicianRecord | null
  etaAtMs: number | null
  escalationLevel: number | null
}

/** One work order as the desk keeps it; `view` turns it into the contract's shape. */
export interface OrderRecord {
  readonly orderId: string
  readonly request: CreateWorkOrderRequest
  readonly account: CustomerAccount
  readonly urgent: boolean
  readonly createdAtMs: number
  /** The acceptance SLA of the order's class when it was reported; also the urge period. */
  readonly slaMs: number
  readonly acceptanceDueMs: number
  readonly gaps: readonly number[]
  /** Index in `steps` of the next step; steps.length once resolved. */
  next: number
  nextAtMs: number
  slaBreached: boolean
  escalationLevel: number
  technician: TechnicianRecord | null
  relayPhone: string | null
  etaAtMs: number | null
  /** The latest resolution; null while (again) open. */
  resolvedAtMs: number | null
  lastUrgeMs: number | null
  /** Write requestIds already applied to this order, with what they carried. */
  readonly applied: Map<string, string>
  readonly timeline: EventRecord[]
  rating: { score: number; comment: string | null; ratedAtMs: number } | null
}

export const event = (type: EventType, atMs: number, note: string): EventRecord => ({
  type,
  atMs,
  note,
  technician: null,
  etaAtMs: null,
  escalationLevel: null,
})

/** A virtual number (隐私号) bound to one order: it rings the technician, never shows them. */
export function relayNumberOf(orderId: string): string {
  return `170${String(hashString(`relay|${orderId}`) % 100_000_000).padStart(8, '0')}`
}
