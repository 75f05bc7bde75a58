import { z } from 'zod'
import { Fen, IdempotencyKey, LocalDate } from './billing-primitives'
import { AccountNo, IsoDateTime, UpstreamError } from './common'
import { AccountPathParams } from './customers'
import type { ContractOperation } from './openapi'

/**
 * 停暖 (报停): a district-heating household asks not to be heated for a whole season and then
 * pays only the 基本热费 share of the area-based fee. Billing keeps the applications because they
 * change what is charged, are refused for arrears and close with the fee-collection window;
 * the heat network only acts on the result (the valve is sealed before the season).
 */

export const HeatingSeasonRef = z.object({
  year: z.number().int().describe('calendar year the season starts in'),
  startsOn: LocalDate,
  endsOn: LocalDate,
})

export const HeatingStopWindow = z
  .object({
    season: HeatingSeasonRef,
    opensAt: IsoDateTime,
    closesAt: IsoDateTime,
    open: z.boolean().describe('applications and cancellations are accepted now'),
  })
  .describe('the application window open now, else the next one to open')

export const HeatingStopRefusal = z
  .enum([
    'HEATING_STOP_WINDOW_CLOSED',
    'ACCOUNT_IN_ARREARS',
    'ACCOUNT_SUSPENDED',
    'HEATING_STOP_EXISTS',
  ])
  .describe('the error code an application would get now')

export const HeatingStopApplication = z.object({
  applicationId: z.string(),
  accountNo: AccountNo,
  season: HeatingSeasonRef,
  status: z.enum(['active', 'cancelled']),
  appliedAt: IsoDateTime,
  cancelledAt: IsoDateTime.nullable(),
  areaDm2: z.number().int().describe('建筑面积 in dm² (0.01 m²)'),
  fullFeeFen: Fen.describe('the season fee heated throughout'),
  stoppedFeeFen: Fen.describe('the season fee with 停暖: 基本热费 only'),
  stoppedFeePercent: z.number().int().describe('基本热费 share of the full fee'),
})
export type HeatingStopApplication = z.infer<typeof HeatingStopApplication>

export const HeatingStops = z.object({
  accountNo: AccountNo,
  window: HeatingStopWindow,
  canApply: z.boolean().describe('for the season of `window`, now'),
  refusal: HeatingStopRefusal.nullable().describe('why not, when canApply is false'),
  applications: z.array(HeatingStopApplication).describe('newest first'),
})
export type HeatingStops = z.infer<typeof HeatingStops>

export const HeatingStopRequest = z.object({
  applicationId: IdempotencyKey,
  seasonYear: z
    .number()
    .int()
    .min(2000)
    .max(2100)
    .describe('the season applied for (its start year); it must be the one whose window is open'),
})
export type HeatingStopRequest = z.infer<typeof HeatingStopRequest>

export const HeatingStopPathParams = AccountPathParams.extend({ applicationId: IdempotencyKey })

const error = (description: string) => ({ description, schema: UpstreamError })
const invalid = error('Malformed parameter or body (INVALID_ARGUMENT)')
const unavailable = error('Billing unavailable; safe to retry with the same key')
const notHeating = error('NOT_HEATING_ACCOUNT: the account has no district heating')

export const heatingStopSchemas = {
  HeatingStopWindow,
  HeatingStopApplication,
  HeatingStops,
  HeatingStopRequest,
}

export const heatingStopOperations: readonly ContractOperation[] = [
  {
    operationId: 'getHeatingStops',
    method: 'get',
    path: '/accounts/:accountNo/heating-stops',
    summary: '停暖 window, whether the household may apply now, and its applications',
    params: AccountPathParams,
    responses: {
      200: { description: 'Applications and window', schema: HeatingStops },
      400: invalid,
      404: error('ACCOUNT_NOT_FOUND'),
      422: notHeating,
      503: unavailable,
    },
  },
  {
    operationId: 'applyHeatingStop',
    method: 'post',
    path: '/accounts/:accountNo/heating-stops',
    summary: 'Applies for 停暖 for a whole season',
    description:
      'Accepted only while the season’s window is open (by 31 October for a season starting ' +
      '15 November), at most one active application per account and season, never for an ' +
      'account with overdue bills. The season’s bill then charges the 基本热费 share only; if ' +
      'it was already paid in full, the difference is kept as prepayment. Idempotent on ' +
      '`applicationId` (the Idempotency-Key header, when sent, must equal it).',
    params: AccountPathParams,
    body: HeatingStopRequest,
    responses: {
      200: { description: 'Replay: the original application', schema: HeatingStopApplication },
      201: { description: 'Applied', schema: HeatingStopApplication },
      400: invalid,
      404: error('ACCOUNT_NOT_FOUND'),
      409: error(
        'IDEMPOTENCY_MISMATCH, or HEATING_STOP_EXISTS: another active application for the season',
      ),
      422: error(
        'NOT_HEATING_ACCOUNT, HEATING_STOP_WINDOW_CLOSED, ACCOUNT_IN_ARREARS or ACCOUNT_SUSPENDED',
      ),
      503: unavailable,
    },
  },
  {
    operationId: 'cancelHeatingStop',
    method: 'post',
    path: '/accounts/:accountNo/heating-stops/:applicationId/cancel',
    summary: 'Withdraws a 停暖 application while the window is still open',
    description:
      'The season is charged in full again (prepayment pays toward it first). Cancelling a ' +
      'cancelled application answers it unchanged, so the call is safe to retry.',
    params: HeatingStopPathParams,
    responses: {
      200: { description: 'The application, cancelled', schema: HeatingStopApplication },
      400: invalid,
      404: error('ACCOUNT_NOT_FOUND or HEATING_STOP_NOT_FOUND'),
      422: error('HEATING_STOP_WINDOW_CLOSED'),
      503: unavailable,
    },
  },
]
