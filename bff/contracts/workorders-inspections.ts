import { z } from 'zod'
import { IdempotencyKey, LocalDate } from './billing'
import { AccountNo, IsoDateTime, UpstreamError } from './common'
import type { ContractOperation } from './openapi'

/**
 * 入户安检 in the work-order system: the utility's periodic home safety inspection, booked in
 * the same half-day slots as repairs. The system also keeps what the inspectors found in the
 * home (灶具, 热水器, 壁挂炉 and when they were installed). A failed inspection of a suspended
 * account (安检不合格已停气) is cleared by a passed re-inspection, which turns the gas back on.
 */

/** The same half-day windows repairs are booked in (workorders.ts PreferredSlot). */
const PreferredSlot = z.object({
  date: LocalDate,
  window: z.enum(['am', 'pm']).describe('am 09:00–12:00, pm 14:00–18:00'),
})

export const ApplianceKind = z
  .enum(['stove', 'water_heater', 'wall_boiler'])
  .describe('stove 燃气灶, water_heater 燃气热水器, wall_boiler 燃气壁挂炉')

export const Appliance = z.object({
  applianceId: z.string(),
  kind: ApplianceKind,
  model: z.string().describe('brand and model as the inspector wrote them down'),
  installedOn: LocalDate,
})
export type Appliance = z.infer<typeof Appliance>

export const InspectionKind = z
  .enum(['routine', 're_inspection'])
  .describe('routine 定期安检; re_inspection 复检 after a failed inspection')

export const InspectionStatus = z
  .enum(['booked', 'passed', 'failed', 'cancelled'])
  .describe(
    'booked: a visit is planned in `slot`; passed / failed: done; cancelled by the resident',
  )

export const Finding = z.object({
  item: z.string().describe('what was checked, Chinese: 软管, 热水器烟道, 燃气报警器…'),
  severity: z.enum(['hazard', 'advice']).describe('hazard 隐患 (must be fixed), advice 建议'),
  note: z.string().describe('Chinese, for the resident'),
})

export const Inspection = z.object({
  inspectionId: z.string(),
  accountNo: AccountNo,
  kind: InspectionKind,
  status: InspectionStatus,
  slot: PreferredSlot.nullable().describe('the booked visit; null for one done before booking'),
  from: IsoDateTime.nullable(),
  to: IsoDateTime.nullable(),
  completedAt: IsoDateTime.nullable(),
  findings: z.array(Finding),
  /** Set when this inspection turned the gas back on. */
  supplyRestored: z.boolean(),
})
export type Inspection = z.infer<typeof Inspection>

export const InspectionList = z.object({
  accountNo: AccountNo,
  supplySuspended: z.boolean().describe('gas is stopped at the account (安检不合格已停气)'),
  appliances: z.array(Appliance),
  inspections: z.array(Inspection).describe('newest first'),
})

export const BookInspectionRequest = z.object({
  requestId: IdempotencyKey,
  accountNo: AccountNo,
  slot: PreferredSlot,
})
export type BookInspectionRequest = z.infer<typeof BookInspectionRequest>

export const RescheduleInspectionRequest = z.object({
  requestId: IdempotencyKey,
  slot: PreferredSlot,
})
export type RescheduleInspectionRequest = z.infer<typeof RescheduleInspectionRequest>

export const CancelInspectionRequest = z.object({ requestId: IdempotencyKey })

export const InspectionPathParams = z.object({ inspectionId: z.string().regex(/^IN\d{13}$/) })
export const InspectionsQuery = z.object({ accountNo: AccountNo })

const error = (description: string) => ({ description, schema: UpstreamError })
const invalid = error('Malformed parameter or body (INVALID_ARGUMENT)')
const unavailable = error('Work order system unavailable; retry with the same requestId')
const answer = (description: string) => ({ description, schema: Inspection })

export const inspectionSchemas = {
  ApplianceKind,
  Appliance,
  InspectionKind,
  InspectionStatus,
  Finding,
  Inspection,
  BookInspectionRequest,
  RescheduleInspectionRequest,
  CancelInspectionRequest,
}

export const inspectionOperations: ContractOperation[] = [
  {
    operationId: 'listInspections',
    method: 'get',
    path: '/inspections',
    summary: 'The appliances on record and the inspections of an account, newest first',
    query: InspectionsQuery,
    responses: {
      200: { description: 'Appliances and inspections', schema: InspectionList },
      400: invalid,
      404: error('ACCOUNT_NOT_FOUND'),
      503: unavailable,
    },
  },
  {
    operationId: 'bookInspection',
    method: 'post',
    path: '/inspections',
    summary:
      'Books the next inspection in an offered slot (a re-inspection when the last one failed)',
    body: BookInspectionRequest,
    responses: {
      200: answer('Replay: the booking made earlier'),
      201: answer('Booked'),
      400: invalid,
      404: error('ACCOUNT_NOT_FOUND'),
      409: error('INSPECTION_ALREADY_BOOKED, SLOT_UNAVAILABLE or IDEMPOTENCY_MISMATCH'),
      422: error('NOT_A_GAS_ACCOUNT: heating accounts have no gas inspection'),
      503: unavailable,
    },
  },
  {
    operationId: 'rescheduleInspection',
    method: 'post',
    path: '/inspections/:inspectionId/reschedule',
    summary: 'Moves a booked inspection to another offered slot',
    params: InspectionPathParams,
    body: RescheduleInspectionRequest,
    responses: {
      200: answer('Rescheduled (a replay of the same requestId answers the same)'),
      400: invalid,
      404: error('INSPECTION_NOT_FOUND'),
      409: error('INSPECTION_CLOSED, SLOT_UNAVAILABLE or IDEMPOTENCY_MISMATCH'),
      503: unavailable,
    },
  },
  {
    operationId: 'cancelInspection',
    method: 'post',
    path: '/inspections/:inspectionId/cancel',
    summary: 'Cancels a booked inspection; its slot is freed',
    params: InspectionPathParams,
    body: CancelInspectionRequest,
    responses: {
      200: answer('Cancelled (a replay answers the same)'),
      400: invalid,
      404: error('INSPECTION_NOT_FOUND'),
      409: error('INSPECTION_CLOSED'),
      503: unavailable,
    },
  },
]
