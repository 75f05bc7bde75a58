import type { VisitSlot } from './workorders-port'

/**
 * 入户安检 at the utility's work-order system, in our words: the appliances its inspectors
 * recorded in the home, the inspections done and booked, and booking in the same half-day
 * slots as repairs (`WorkOrdersPort.slots`).
 */

export type ApplianceKind = 'stove' | 'water_heater' | 'wall_boiler'

export interface RecordedAppliance {
  kind: ApplianceKind
  model: string
  /** YYYY-MM-DD */
  installedOn: string
}

export interface InspectionFindingRecord {
  item: string
  severity: 'hazard' | 'advice'
  note: string
}

export interface InspectionRecord {
  inspectionId: string
  kind: 'routine' | 're_inspection'
  status: 'booked' | 'passed' | 'failed' | 'cancelled'
  slot: { date: string; window: VisitSlot['window'] } | null
  from: string | null
  completedAt: string | null
  findings: InspectionFindingRecord[]
  supplyRestored: boolean
}

export interface HomeInspections {
  supplySuspended: boolean
  appliances: RecordedAppliance[]
  /** Newest first. */
  inspections: InspectionRecord[]
}

export type InspectionRefusal =
  | 'not_found'
  | 'slot_unavailable'
  | 'already_booked'
  | 'closed'
  | 'not_gas'
  | 'idempotency_mismatch'

export class InspectionRefused extends Error {
  constructor(readonly reason: InspectionRefusal) {
    super(`inspection refused: ${reason}`)
    this.name = 'InspectionRefused'
  }
}

export interface InspectionsPort {
  of(accountNo: string): Promise<HomeInspections>
  /** Throws InspectionRefused; the requestId makes a retry harmless. */
  book(request: {
    requestId: string
    accountNo: string
    slot: { date: string; window: VisitSlot['window'] }
  }): Promise<InspectionRecord>
  reschedule(
    inspectionId: string,
    request: { requestId: string; slot: { date: string; window: VisitSlot['window'] } },
  ): Promise<InspectionRecord>
  cancel(inspectionId: string, requestId: string): Promise<InspectionRecord>
}
