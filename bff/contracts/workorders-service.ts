import { z } from 'zod'
import { AccountNo, IsoDateTime, UpstreamError } from './common'
import type { ContractOperation } from './openapi'

/**
 * Two services of the work-order system besides repairs: the 通气点火 visit of a new connection
 * (booked in a slot; the technician's safety check is recorded with the account), and the
 * service desk's help alerts (一键求助), which stay open until a person at the desk confirms.
 */

/**
 * The same half-day windows repairs are booked in (workorders.ts SlotWindow); repeated here
 * because workorders.ts spreads this file's operations and must not be imported back.
 */
const SlotWindow = z.enum(['am', 'pm']).describe('am 09:00–12:00, pm 14:00–18:00')

export const IgnitionSlot = z.object({
  slotId: z.string(),
  date: z.string(),
  window: SlotWindow,
  from: IsoDateTime,
  to: IsoDateTime,
  available: z.boolean(),
})

export const IgnitionSafetyItem = z.object({ label: z.string(), passed: z.boolean() })

export const IgnitionView = z.object({
  accountNo: AccountNo,
  status: z.enum(['not_ready', 'open', 'booked', 'done']),
  slots: z.array(IgnitionSlot),
  booking: z
    .object({ slotId: z.string(), from: IsoDateTime, to: IsoDateTime, technician: z.string() })
    .nullable(),
  result: z
    .object({
      doneAt: IsoDateTime,
      passed: z.boolean(),
      items: z.array(IgnitionSafetyItem),
      note: z.string(),
    })
    .nullable(),
})
export type IgnitionView = z.infer<typeof IgnitionView>

export const IgnitionPathParams = z.object({ accountNo: AccountNo })

export const BookIgnitionRequest = z.object({ slotId: z.string().min(1).max(40) })

export const HelpAlertRequest = z.object({
  requestId: z.string().min(8).max(64),
  accountNo: AccountNo,
  kind: z.enum(['help', 'gas_smell']),
  address: z.string(),
  areaCode: z.string(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  raisedAt: IsoDateTime,
})
export type HelpAlertRequest = z.infer<typeof HelpAlertRequest>

export const DeskAlert = z.object({
  deskRef: z.string(),
  accountNo: AccountNo,
  kind: z.enum(['help', 'gas_smell']),
  desk: z.string().describe('the service desk that took it, e.g. 新华区燃气服务站'),
  receivedAt: IsoDateTime,
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: IsoDateTime.nullable(),
})
export type DeskAlert = z.infer<typeof DeskAlert>

export const HelpAlertPathParams = z.object({ deskRef: z.string().regex(/^HD\d{12}$/) })

const error = (description: string) => ({ description, schema: UpstreamError })
const invalid = error('Malformed parameter or body (INVALID_ARGUMENT)')
const unavailable = error('Work order system unavailable; safe to retry')
const ignitionAnswer = (description: string) => ({ description, schema: IgnitionView })
const alertAnswer = (description: string) => ({ description, schema: DeskAlert })

export const serviceSchemas = {
  IgnitionSlot,
  IgnitionSafetyItem,
  IgnitionView,
  BookIgnitionRequest,
  HelpAlertRequest,
  DeskAlert,
}

export const serviceOperations: ContractOperation[] = [
  {
    operationId: 'getIgnition',
    method: 'get',
    path: '/ignition/:accountNo',
    summary: '通气点火 of a new connection: the offered slots, the booking and the safety check',
    params: IgnitionPathParams,
    responses: {
      200: ignitionAnswer('Where the visit stands'),
      400: invalid,
      404: error('NO_CONNECTION: the account was not opened by a new connection (报装)'),
      503: unavailable,
    },
  },
  {
    operationId: 'bookIgnition',
    method: 'post',
    path: '/ignition/:accountNo/booking',
    summary: 'Books the 通气点火 visit in an offered slot, or moves it to another',
    description:
      'Booking the slot already booked changes nothing, so a repeat answers the same. A safety ' +
      'check that failed clears the booking: the household books again after putting it right.',
    params: IgnitionPathParams,
    body: BookIgnitionRequest,
    responses: {
      200: ignitionAnswer('Booked'),
      400: invalid,
      404: error('NO_CONNECTION: the account was not opened by a new connection (报装)'),
      409: error('SLOT_UNAVAILABLE (not offered or full) or IGNITION_DONE (gas already on)'),
      503: error('SERVICE_UNAVAILABLE (no technician to send) or unavailable; safe to retry'),
    },
  },
  {
    operationId: 'sendHelpAlert',
    method: 'post',
    path: '/help-alerts',
    summary: '一键求助: an alert to the service desk of the account’s area',
    description:
      'Idempotent by requestId: a repeat answers the first alert (200); a different alert under ' +
      'the same id is 409 IDEMPOTENCY_MISMATCH. The alert stays open until a person at the ' +
      'desk confirms it (acknowledgedAt).',
    body: HelpAlertRequest,
    responses: {
      200: alertAnswer('Already sent under this requestId'),
      201: alertAnswer('Received by the desk'),
      400: invalid,
      409: error('IDEMPOTENCY_MISMATCH'),
      503: unavailable,
    },
  },
  {
    operationId: 'getHelpAlert',
    method: 'get',
    path: '/help-alerts/:deskRef',
    summary: '一键求助: one alert, and whether the desk has confirmed it',
    params: HelpAlertPathParams,
    responses: {
      200: alertAnswer('The alert'),
      400: invalid,
      404: error('NOT_FOUND: no such alert'),
      503: unavailable,
    },
  },
]
