import { z } from 'zod'
import { IdempotencyKey, LocalDate } from './billing'
import { AccountNo, IsoDateTime, UpstreamError } from './common'
import type { Contract } from './openapi'
import { inspectionOperations, inspectionSchemas } from './workorders-inspections'
import { serviceOperations, serviceSchemas } from './workorders-service'

/**
 * Work orders port (工单系统): repairs and emergencies reported by residents, dispatched to a
 * technician and tracked to the end. Phones in answers are masked; the technician is reached
 * through a relay number (隐私号) while the order is open.
 */

export const WorkOrderKind = z
  .enum(['gas_leak', 'co_alarm', 'appliance', 'meter', 'pipe', 'no_heat', 'heating_leak', 'other'])
  .describe(
    'gas_leak 燃气泄漏, co_alarm 一氧化碳报警 (both urgent: the emergency crew, no slot), ' +
      'appliance 灶具/热水器, meter 表具, pipe 管道, no_heat 暖气不热, heating_leak 暖气漏水, other',
  )
export type WorkOrderKind = z.infer<typeof WorkOrderKind>

export const WorkOrderStatus = z.enum([
  'submitted',
  'accepted',
  'dispatched',
  'on_the_way',
  'arrived',
  'resolved',
])

export const MaskedPhone = z.string().describe('e.g. 138****5678')

export const Technician = z.object({
  technicianId: z.string(),
  name: z.string(),
  phone: MaskedPhone,
  team: z.string(),
})

export const SlotWindow = z.enum(['am', 'pm']).describe('am 09:00–12:00, pm 14:00–18:00')

/** A preferred visit: a day and a half-day window (non-urgent kinds only). */
export const PreferredSlot = z.object({ date: LocalDate, window: SlotWindow })
export type PreferredSlot = z.infer<typeof PreferredSlot>

export const EventType = z.enum([
  ...WorkOrderStatus.options,
  'sla_breached',
  'rated',
  'urged',
  'reopened',
])

export const TimelineEvent = z.object({
  type: EventType,
  at: IsoDateTime,
  note: z.string().describe('Chinese, for the resident'),
  technician: Technician.nullable(),
  etaAt: IsoDateTime.nullable().describe('on_the_way: expected arrival'),
  escalationLevel: z
    .number()
    .int()
    .min(1)
    .nullable()
    .describe('sla_breached: the level reached (1 station supervisor, 2 service centre)'),
})

export const Rating = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  ratedAt: IsoDateTime,
})

export const WorkOrder = z.object({
  orderId: z.string(),
  requestId: z.string(),
  accountNo: AccountNo,
  kind: WorkOrderKind,
  urgent: z.boolean(),
  status: WorkOrderStatus,
  description: z.string(),
  photos: z.array(z.string()),
  contactPhone: MaskedPhone,
  address: z.string().describe('the account address as printed on a bill (unmasked)'),
  preferredSlot: PreferredSlot.nullable(),
  createdAt: IsoDateTime,
  acceptanceDueAt: IsoDateTime.describe(
    'SLA: the order must be accepted by then (urgent 30 min, urban 2 h, rural 4 h by default)',
  ),
  slaBreached: z.boolean(),
  escalationLevel: z
    .number()
    .int()
    .min(0)
    .describe('0 none; 1 at the SLA breach; 2 when still not accepted two SLA periods later'),
  technician: Technician.nullable(),
  relayPhone: z
    .string()
    .nullable()
    .describe('virtual number that reaches the technician while the order is open, else null'),
  etaAt: IsoDateTime.nullable(),
  resolvedAt: IsoDateTime.nullable().describe('the latest resolution'),
  reopenUntil: IsoDateTime.nullable().describe('resolved: the order may be reopened until then'),
  nextUrgeAt: IsoDateTime.nullable().describe(
    'earliest time an urge is accepted (one per SLA period); null once resolved',
  ),
  timeline: z.array(TimelineEvent).describe('oldest first'),
  rating: Rating.nullable(),
})
export type WorkOrder = z.infer<typeof WorkOrder>

export const CreateWorkOrderRequest = z.object({
  requestId: IdempotencyKey,
  accountNo: AccountNo,
  kind: WorkOrderKind,
  description: z.string().trim().min(1).max(500),
  photos: z
    .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/))
    .max(9)
    .describe('ids of uploaded photos'),
  contactPhone: z.string().regex(/^1[3-9]\d{9}$/),
  preferredSlot: PreferredSlot.optional().describe(
    'one of the slots offered by listSlots; urgent kinds take none (400)',
  ),
})
export type CreateWorkOrderRequest = z.infer<typeof CreateWorkOrderRequest>

export const RatingRequest = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(200).optional(),
})
export type RatingRequest = z.infer<typeof RatingRequest>

export const UrgeRequest = z.object({ requestId: IdempotencyKey })
export type UrgeRequest = z.infer<typeof UrgeRequest>

export const ReopenRequest = z.object({
  requestId: IdempotencyKey,
  reason: z.string().trim().min(1).max(200),
})
export type ReopenRequest = z.infer<typeof ReopenRequest>

export const Slot = PreferredSlot.extend({
  from: IsoDateTime,
  to: IsoDateTime,
  available: z.boolean().describe('false: the window is fully booked in the district'),
})
export const SlotList = z.object({ accountNo: AccountNo, slots: z.array(Slot) })

export const OrderPathParams = z.object({ orderId: z.string().regex(/^WO\d{13}$/) })
export const OrdersQuery = z.object({ accountNo: AccountNo })
export const WorkOrderList = z.object({ accountNo: AccountNo, orders: z.array(WorkOrder) })

const error = (description: string) => ({ description, schema: UpstreamError })
const invalid = error('Malformed parameter or body (INVALID_ARGUMENT)')
const unavailable = error('Work order system unavailable; retry with the same requestId')
const orderAnswer = (description: string) => ({ description, schema: WorkOrder })

export const workordersContract: Contract = {
  port: 'workorders',
  title: 'Work orders port',
  version: '1.1.0',
  description:
    'Orders move submitted → accepted → dispatched (technician) → on_the_way (ETA) → arrived ' +
    '→ resolved. Acceptance is due within an SLA (urgent kinds 30 min, urban 2 h, rural 4 h); ' +
    'an order not accepted by then gets an sla_breached event and escalation level 1, two SLA ' +
    'periods later level 2. The resident may urge once per SLA period (an urged event) and ' +
    'reopen a resolved order within 7 days (a reopened event; it goes back to dispatch). ' +
    'requestId is the idempotency key of every write: a replay answers the same order with ' +
    '200, another body under it 409 IDEMPOTENCY_MISMATCH. Errors use `{ code, message }`.',
  basePath: '/workorders/v1',
  schemas: {
    WorkOrderKind,
    WorkOrderStatus,
    Technician,
    PreferredSlot,
    TimelineEvent,
    Rating,
    WorkOrder,
    CreateWorkOrderRequest,
    RatingRequest,
    UrgeRequest,
    ReopenRequest,
    Slot,
    UpstreamError,
    ...inspectionSchemas,
    ...serviceSchemas,
  },
  operations: [
    {
      operationId: 'listSlots',
      method: 'get',
      path: '/slots',
      summary: 'Half-day visit windows of the next three days in the account’s district',
      query: OrdersQuery,
      responses: {
        200: { description: 'Slots, earliest first', schema: SlotList },
        400: invalid,
        404: error('ACCOUNT_NOT_FOUND'),
        503: unavailable,
      },
    },
    {
      operationId: 'createOrder',
      method: 'post',
      path: '/orders',
      summary: 'Reports a fault or an emergency',
      body: CreateWorkOrderRequest,
      responses: {
        200: orderAnswer('Replay: the order created earlier'),
        201: orderAnswer('Created'),
        400: invalid,
        404: error('ACCOUNT_NOT_FOUND'),
        409: error('IDEMPOTENCY_MISMATCH or SLOT_UNAVAILABLE'),
        503: unavailable,
      },
    },
    {
      operationId: 'listOrders',
      method: 'get',
      path: '/orders',
      summary: 'Orders of an account, newest first',
      query: OrdersQuery,
      responses: {
        200: { description: 'Orders', schema: WorkOrderList },
        400: invalid,
        503: unavailable,
      },
    },
    {
      operationId: 'getOrder',
      method: 'get',
      path: '/orders/:orderId',
      summary: 'One order with its timeline',
      params: OrderPathParams,
      responses: {
        200: orderAnswer('Order'),
        400: invalid,
        404: error('ORDER_NOT_FOUND'),
        503: unavailable,
      },
    },
    {
      operationId: 'urgeOrder',
      method: 'post',
      path: '/orders/:orderId/urges',
      summary: 'The resident urges an open order (催单), once per SLA period',
      params: OrderPathParams,
      body: UrgeRequest,
      responses: {
        200: orderAnswer('Urged (a replay of the same requestId answers the same)'),
        400: invalid,
        404: error('ORDER_NOT_FOUND'),
        409: error(
          'URGE_TOO_SOON (see nextUrgeAt), ORDER_CLOSED (resolved) or IDEMPOTENCY_MISMATCH',
        ),
        503: unavailable,
      },
    },
    {
      operationId: 'rateOrder',
      method: 'post',
      path: '/orders/:orderId/rating',
      summary: 'The resident rates a resolved order (once per resolution)',
      params: OrderPathParams,
      body: RatingRequest,
      responses: {
        200: orderAnswer('Rated (a replay of the same rating answers the same)'),
        400: invalid,
        404: error('ORDER_NOT_FOUND'),
        409: error('ORDER_NOT_RESOLVED or ALREADY_RATED'),
        503: unavailable,
      },
    },
    {
      operationId: 'reopenOrder',
      method: 'post',
      path: '/orders/:orderId/reopen',
      summary:
        'The fault is back: a resolved order is reopened within 7 days and goes back to dispatch',
      params: OrderPathParams,
      body: ReopenRequest,
      responses: {
        200: orderAnswer('Reopened (a replay of the same requestId answers the same)'),
        400: invalid,
        404: error('ORDER_NOT_FOUND'),
        409: error('ORDER_NOT_RESOLVED, REOPEN_WINDOW_CLOSED or IDEMPOTENCY_MISMATCH'),
        503: unavailable,
      },
    },
    ...inspectionOperations,
    ...serviceOperations,
  ],
}
