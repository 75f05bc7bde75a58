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
 *
 * 恢复供暖: a household with 停暖 for the running season asks for its heat back. Heat returns
 * a few days after the application (the valve is unsealed); the days from then on are charged
 * in full and the days before at the 基本热费 share. Accepted from the close of the 停暖 window
 * to the season fee's due date, so the bill is re-rated before any late fee can run on it.
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
    'HEATING_STOP_SHARED_RISER',
  ])
  .describe(
    'the error code an application would get now. HEATING_STOP_SHARED_RISER: the building is ' +
      'heated through single-pipe risers (单管串联) shared by every flat above and below, so no ' +
      'flat of it can be stopped on its own',
  )

export const HeatingResumeRefusal = z
  .enum([
    'HEATING_RESUME_WINDOW_CLOSED',
    'HEATING_NOT_STOPPED',
    'HEATING_RESUME_EXISTS',
    'ACCOUNT_IN_ARREARS',
    'ACCOUNT_SUSPENDED',
  ])
  .describe('the error code a 恢复供暖 application would get now')

export const HeatingApplicationKind = z
  .enum(['stop', 'resume'])
  .describe('stop: 停暖 (报停) for a whole season; resume: 恢复供暖 within a stopped season')

export const HeatingStopApplication = z.object({
  applicationId: z.string(),
  accountNo: AccountNo,
  kind: HeatingApplicationKind,
  season: HeatingSeasonRef,
  status: z.enum(['active', 'cancelled']),
  appliedAt: IsoDateTime,
  cancelledAt: IsoDateTime.nullable(),
  cancelUntil: IsoDateTime.describe('the last moment the application may be withdrawn'),
  heatedFrom: LocalDate.nullable().describe('resume: the first day heated again'),
  areaDm2: z.number().int().describe('建筑面积 in dm² (0.01 m²)'),
  fullFeeFen: Fen.describe('the season fee heated throughout'),
  stoppedFeeFen: Fen.describe('the season fee with 停暖: 基本热费 only'),
  stoppedFeePercent: z.number().int().describe('基本热费 share of the full fee'),
  seasonFeeFen: Fen.describe('the season fee while this application stands'),
})
export type HeatingStopApplication = z.infer<typeof HeatingStopApplication>

export const HeatingResumeOffer = z
  .object({
    season: HeatingSeasonRef,
    opensAt: IsoDateTime.describe('the first moment a 恢复供暖 application is taken'),
    closesAt: IsoDateTime.describe('the last moment a 恢复供暖 application is taken'),
    leadDays: z.number().int().describe('heat returns this many days after applying'),
    canApply: z.boolean(),
    refusal: HeatingResumeRefusal.nullable().describe('why not, when canApply is false'),
    heatedFrom: LocalDate.nullable().describe('the first day heated, if applied for now'),
    currentFeeFen: Fen.describe('the season fee as it stands'),
    resumedFeeFen: Fen.nullable().describe('the season fee if applied for now'),
  })
  .describe('恢复供暖 for the season billed now (from 1 October, the coming one)')

export const HeatingStops = z.object({
  accountNo: AccountNo,
  asOf: IsoDateTime,
  window: HeatingStopWindow,
  canApply: z.boolean().describe('for the season of `window`, now'),
  refusal: HeatingStopRefusal.nullable().describe('why not, when canApply is false'),
  quote: z
    .object({
      areaDm2: z.number().int(),
      priceFenPerM2: z.number().int(),
      fullFeeFen: Fen,
      stoppedFeeFen: Fen,
      stoppedFeePercent: z.number().int(),
    })
    .describe('the season of `window`, heated throughout and with 停暖'),
  resume: HeatingResumeOffer,
  applications: z.array(HeatingStopApplication).describe('newest first'),
})
export type HeatingStops = z.infer<typeof HeatingStops>

export const HeatingStopRequest = z.object({
  applicationId: IdempotencyKey,
  kind: HeatingApplicationKind.default('stop'),
  seasonYear: z
    .number()
    .int()
    .min(2000)
    .max(2100)
    .describe(
      'the season applied for (its start year): for stop, the one whose window is open; for ' +
        'resume, the one billed now',
    ),
})
export type HeatingStopRequest = z.infer<typeof HeatingStopRequest>

export const HeatingStopPathParams = AccountPathParams.extend({ applicationId: IdempotencyKey })

const error = (description: string) => ({ description, schema: UpstreamError })
const invalid = error('Malformed parameter or body (INVALID_ARGUMENT)')
const unavailable = error('Billing unavailable; safe to retry with the same key')
const notHeating = error('NOT_HEATING_ACCOUNT: the account has no district heating')

export const heatingStopSchemas = {
  HeatingStopWindow,
  HeatingResumeOffer,
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
    summary: 'Applies for 停暖 for a whole season, or for 恢复供暖 within a stopped one',
    description:
      'stop: accepted only while the season’s window is open (by 31 October for a season ' +
      'starting 15 November), at most one active application per account and season, never ' +
      'for an account with overdue bills, nor in a building on shared single-pipe risers. The ' +
      'season’s bill then charges the 基本热费 share only; if it was already paid in full, the ' +
      'difference is kept as prepayment. resume: for the season billed now, while it is ' +
      'stopped, from the window’s close to the fee’s due date (31 December); heat returns ' +
      '`leadDays` later (not before the season starts) and the bill charges those days in ' +
      'full (prepayment pays toward it first). Idempotent on `applicationId` (the ' +
      'Idempotency-Key header, when sent, must equal it).',
    params: AccountPathParams,
    body: HeatingStopRequest,
    responses: {
      200: { description: 'Replay: the original application', schema: HeatingStopApplication },
      201: { description: 'Applied', schema: HeatingStopApplication },
      400: invalid,
      404: error('ACCOUNT_NOT_FOUND'),
      409: error(
        'IDEMPOTENCY_MISMATCH, or HEATING_STOP_EXISTS / HEATING_RESUME_EXISTS: another active ' +
          'application of the kind for the season',
      ),
      422: error(
        'NOT_HEATING_ACCOUNT, HEATING_STOP_WINDOW_CLOSED, HEATING_STOP_SHARED_RISER, ' +
          'HEATING_RESUME_WINDOW_CLOSED, HEATING_NOT_STOPPED, ACCOUNT_IN_ARREARS or ' +
          'ACCOUNT_SUSPENDED',
      ),
      503: unavailable,
    },
  },
  {
    operationId: 'cancelHeatingStop',
    method: 'post',
    path: '/accounts/:accountNo/heating-stops/:applicationId/cancel',
    summary: 'Withdraws an application until its `cancelUntil`',
    description:
      'stop: while the window is still open; the season is charged in full again (prepayment ' +
      'pays toward it first). resume: until the day before heat returns; the season is charged ' +
      'as stopped again, money paid beyond it kept as prepayment. Cancelling a cancelled ' +
      'application answers it unchanged, so the call is safe to retry.',
    params: HeatingStopPathParams,
    responses: {
      200: { description: 'The application, cancelled', schema: HeatingStopApplication },
      400: invalid,
      404: error('ACCOUNT_NOT_FOUND or HEATING_STOP_NOT_FOUND'),
      422: error('HEATING_STOP_WINDOW_CLOSED (stop) or HEATING_RESUME_STARTED (resume)'),
      503: unavailable,
    },
  },
]
