import { z } from 'zod'
import { Fen, IdempotencyKey, LocalDate } from './billing'
import { AccountNo, IsoDateTime, UpstreamError } from './common'
import type { Contract } from './openapi'

/**
 * Meters port (物联网平台 + IC card system): meter state, readings, remote credits for IoT
 * meters and purchases for IC-card meters. Volumes are integer dm³, money integer fen.
 */

export const MeterNo = z
  .string()
  .regex(/^[A-Z]{2}\d{10}$/)
  .describe('meter number: 2-letter make, 2-digit model, 8 digits')

export const MeterType = z
  .enum(['iot', 'ic', 'mechanical'])
  .describe('iot: NB-IoT prepaid, credited remotely; ic: IC-card prepaid; mechanical: read by hand')
export type MeterType = z.infer<typeof MeterType>

export const Meter = z.object({
  meterNo: MeterNo,
  accountNo: AccountNo,
  type: MeterType,
  model: z.string(),
  online: z.boolean().nullable().describe('IoT only: whether the meter talks to the network'),
  balanceFen: Fen.nullable().describe(
    'prepaid meters: balance held by the meter (IC: as of the last card insertion); may be ' +
      'slightly negative (透支). Null for mechanical meters',
  ),
  valve: z.enum(['open', 'closed']).describe('closed: no balance left, or supply stopped'),
  readingDm3: z.number().int().describe('register at lastReadingAt'),
  lastReadingAt: IsoDateTime,
})
export type Meter = z.infer<typeof Meter>

export const Reading = z.object({
  readAt: IsoDateTime,
  readingDm3: z.number().int(),
  usageDm3: z.number().int().describe('since the previous reading'),
  source: z.enum(['remote', 'manual', 'card']),
})
export type Reading = z.infer<typeof Reading>

export const ReadingsQuery = z.object({
  from: LocalDate.optional(),
  to: LocalDate.optional(),
})
export const ReadingList = z.object({ meterNo: MeterNo, readings: z.array(Reading) })

export const MeterPathParams = z.object({ meterNo: MeterNo })

export const CreditRequest = z.object({
  creditId: IdempotencyKey.describe('our order id; the same creditId never credits twice'),
  amountFen: z.number().int().min(1),
})
export type CreditRequest = z.infer<typeof CreditRequest>

export const Credit = z.object({
  creditId: z.string(),
  meterNo: MeterNo,
  accountNo: AccountNo,
  amountFen: Fen,
  status: z
    .enum(['pending', 'applied'])
    .describe('pending: sent, waiting for the meter to confirm; applied: in the meter balance'),
  queued: z
    .boolean()
    .describe('true while the meter is offline: the credit goes out when it next connects'),
  acceptedAt: IsoDateTime,
  appliedAt: IsoDateTime.nullable(),
})
export type Credit = z.infer<typeof Credit>
export const CreditPathParams = MeterPathParams.extend({ creditId: IdempotencyKey })

export const IcPurchaseRequest = z.object({
  purchaseId: IdempotencyKey,
  meterNo: MeterNo,
  amountFen: z.number().int().min(1),
})
export type IcPurchaseRequest = z.infer<typeof IcPurchaseRequest>

export const IcCardWrite = z.object({
  by: z.enum(['write_point', 'agent']),
  writePointId: z.string().nullable(),
  agentId: z.string().nullable(),
})

export const IcPurchase = z.object({
  purchaseId: z.string(),
  meterNo: MeterNo,
  accountNo: AccountNo,
  amountFen: Fen,
  status: z
    .enum(['awaiting_card_write', 'written'])
    .describe('awaiting_card_write: paid, the resident must have the card written'),
  purchasedAt: IsoDateTime,
  writtenAt: IsoDateTime.nullable(),
  write: IcCardWrite.nullable(),
})
export type IcPurchase = z.infer<typeof IcPurchase>
export const PurchasePathParams = z.object({ purchaseId: IdempotencyKey })

export const IcWriteRequest = z.discriminatedUnion('by', [
  z.object({ by: z.literal('write_point'), writePointId: z.string().min(1).max(20) }),
  z.object({ by: z.literal('agent'), agentId: z.string().min(1).max(40) }),
])
export type IcWriteRequest = z.infer<typeof IcWriteRequest>

const error = (description: string) => ({ description, schema: UpstreamError })
const invalid = error('Malformed parameter or body (INVALID_ARGUMENT)')
const unavailable = error(
  'METER_GATEWAY_UNAVAILABLE or SERVICE_UNAVAILABLE; nothing was recorded, retry with the same id',
)
const refused = error(
  'ACCOUNT_SUSPENDED, METER_TYPE_MISMATCH, TOP_UP_AMOUNT_OUT_OF_RANGE, TOP_UP_DAILY_LIMIT or ' +
    'CARD_WRITE_PENDING (IC: an earlier purchase is not on the card yet)',
)

export const metersContract: Contract = {
  port: 'meters',
  title: 'Meters port (IoT platform and IC card system)',
  version: '1.0.0',
  description:
    'Remote credits to IoT meters are asynchronous: POST answers 202 pending, the meter ' +
    'confirms later (applied, with appliedAt); an offline meter keeps the credit queued until ' +
    'it reconnects. IC-card purchases wait until the card is written at a write point or by ' +
    'an agent. creditId and purchaseId are idempotency keys: a replay answers the current ' +
    'record with 200, a different body under the same id 409 IDEMPOTENCY_MISMATCH.',
  basePath: '/meters/v1',
  schemas: {
    MeterNo,
    MeterType,
    Meter,
    Reading,
    ReadingList,
    CreditRequest,
    Credit,
    IcPurchaseRequest,
    IcPurchase,
    IcWriteRequest,
    UpstreamError,
  },
  operations: [
    {
      operationId: 'getMeter',
      method: 'get',
      path: '/meters/:meterNo',
      summary: 'Meter state: type, online, balance, valve, last reading',
      params: MeterPathParams,
      responses: {
        200: { description: 'Meter', schema: Meter },
        400: invalid,
        404: error('METER_NOT_FOUND'),
        503: unavailable,
      },
    },
    {
      operationId: 'listReadings',
      method: 'get',
      path: '/meters/:meterNo/readings',
      summary: 'Monthly readings (1st of each month), oldest first',
      params: MeterPathParams,
      query: ReadingsQuery,
      responses: {
        200: { description: 'Readings', schema: ReadingList },
        400: invalid,
        404: error('METER_NOT_FOUND'),
        503: unavailable,
      },
    },
    {
      operationId: 'creditMeter',
      method: 'post',
      path: '/meters/:meterNo/credits',
      summary: 'Sends a credit to an IoT meter (asynchronous)',
      params: MeterPathParams,
      body: CreditRequest,
      responses: {
        200: { description: 'Replay: the credit as it stands', schema: Credit },
        202: { description: 'Accepted, pending confirmation by the meter', schema: Credit },
        400: invalid,
        404: error('METER_NOT_FOUND'),
        409: error('IDEMPOTENCY_MISMATCH'),
        422: refused,
        503: unavailable,
      },
    },
    {
      operationId: 'getCredit',
      method: 'get',
      path: '/meters/:meterNo/credits/:creditId',
      summary: 'Status of one credit',
      params: CreditPathParams,
      responses: {
        200: { description: 'Credit', schema: Credit },
        400: invalid,
        404: error('METER_NOT_FOUND or CREDIT_NOT_FOUND'),
        503: unavailable,
      },
    },
    {
      operationId: 'createIcPurchase',
      method: 'post',
      path: '/ic/purchases',
      summary: 'Records a paid IC-card purchase; it then waits to be written to the card',
      body: IcPurchaseRequest,
      responses: {
        200: { description: 'Replay: the purchase as it stands', schema: IcPurchase },
        201: { description: 'Recorded, awaiting card write', schema: IcPurchase },
        400: invalid,
        404: error('METER_NOT_FOUND'),
        409: error('IDEMPOTENCY_MISMATCH'),
        422: refused,
        503: unavailable,
      },
    },
    {
      operationId: 'getIcPurchase',
      method: 'get',
      path: '/ic/purchases/:purchaseId',
      summary: 'Status of one IC purchase',
      params: PurchasePathParams,
      responses: {
        200: { description: 'Purchase', schema: IcPurchase },
        400: invalid,
        404: error('PURCHASE_NOT_FOUND'),
        503: unavailable,
      },
    },
    {
      operationId: 'writeIcPurchase',
      method: 'post',
      path: '/ic/purchases/:purchaseId/write',
      summary: 'The card is written (at a write point or by an agent); the gas is on the card',
      description: 'Writing a written purchase again answers it unchanged.',
      params: PurchasePathParams,
      body: IcWriteRequest,
      responses: {
        200: { description: 'Written', schema: IcPurchase },
        400: invalid,
        404: error('PURCHASE_NOT_FOUND'),
        422: error('UNKNOWN_WRITE_POINT'),
        503: unavailable,
      },
    },
  ],
}
