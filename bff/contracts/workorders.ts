import { z } from 'zod'
import { IdempotencyKey } from './billing'
import { AccountNo, IsoDateTime, UpstreamError } from './common'
import type { Contract } from './openapi'

/**
 * Work orders port (工单系统): repairs and emergencies reported by residents, dispatched to a
 * technician and tracked to the end. Phones in answers are masked.
 */

export const WorkOrderKind = z
  .enum(['gas_leak', 'no_heat', 'meter_fault', 'other'])
  .describe('gas_leak is an emergency and moves fastest')

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

export const TimelineEvent = z.object({
  type: z.enum([...WorkOrderStatus.options, 'sla_breached', 'rated']),
  at: IsoDateTime,
  note: z.string().describe('Chinese, for the resident'),
  technician: Technician.nullable(),
  etaAt: IsoDateTime.nullable().describe('on_the_way: expected arrival'),
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
  status: WorkOrderStatus,
  description: z.string(),
  photos: z.array(z.string()),
  contactPhone: MaskedPhone,
  createdAt: IsoDateTime,
  acceptanceDueAt: IsoDateTime.describe('SLA: the order must be accepted by then'),
  slaBreached: z.boolean(),
  technician: Technician.nullable(),
  etaAt: IsoDateTime.nullable(),
  resolvedAt: IsoDateTime.nullable(),
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
})
export type CreateWorkOrderRequest = z.infer<typeof CreateWorkOrderRequest>

export const RatingRequest = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(200).optional(),
})
export type RatingRequest = z.infer<typeof RatingRequest>

export const OrderPathParams = z.object({ orderId: z.string().regex(/^WO\d{13}$/) })
export const OrdersQuery = z.object({ accountNo: AccountNo })
export const WorkOrderList = z.object({ accountNo: AccountNo, orders: z.array(WorkOrder) })

const error = (description: string) => ({ description, schema: UpstreamError })
const invalid = error('Malformed parameter or body (INVALID_ARGUMENT)')
const unavailable = error('Work order system unavailable; retry with the same requestId')

export const workordersContract: Contract = {
  port: 'workorders',
  title: 'Work orders port',
  version: '1.0.0',
  description:
    'Orders move submitted → accepted → dispatched (technician) → on_the_way (ETA) → arrived ' +
    '→ resolved. An order not accepted within its SLA gets an sla_breached event. requestId ' +
    'is the idempotency key: a replay answers the same order with 200, another body 409 ' +
    'IDEMPOTENCY_MISMATCH. Errors use `{ code, message }`.',
  basePath: '/workorders/v1',
  schemas: {
    WorkOrderKind,
    WorkOrderStatus,
    Technician,
    TimelineEvent,
    Rating,
    WorkOrder,
    CreateWorkOrderRequest,
    RatingRequest,
    UpstreamError,
  },
  operations: [
    {
      operationId: 'createOrder',
      method: 'post',
      path: '/orders',
      summary: 'Reports a fault or an emergency',
      body: CreateWorkOrderRequest,
      responses: {
        200: { description: 'Replay: the order created earlier', schema: WorkOrder },
        201: { description: 'Created', schema: WorkOrder },
        400: invalid,
        404: error('ACCOUNT_NOT_FOUND'),
        409: error('IDEMPOTENCY_MISMATCH'),
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
        200: { description: 'Order', schema: WorkOrder },
        400: invalid,
        404: error('ORDER_NOT_FOUND'),
        503: unavailable,
      },
    },
    {
      operationId: 'rateOrder',
      method: 'post',
      path: '/orders/:orderId/rating',
      summary: 'The resident rates a resolved order (once)',
      params: OrderPathParams,
      body: RatingRequest,
      responses: {
        200: {
          description: 'Rated (a replay of the same rating answers the same)',
          schema: WorkOrder,
        },
        400: invalid,
        404: error('ORDER_NOT_FOUND'),
        409: error('ORDER_NOT_RESOLVED or ALREADY_RATED'),
        503: unavailable,
      },
    },
  ],
}
