import { z } from 'zod'
import { Fen, IdempotencyKey, LocalDate } from './billing-primitives'
import { HeatingSeasonRef } from './billing-heating-stops'
import { AccountNo, IsoDateTime, UpstreamError } from './common'
import { AccountPathParams } from './customers'
import type { ContractOperation } from './openapi'

/**
 * 室温不达标: a heated household reports a room below the temperature standard and books a
 * measurement visit. Billing keeps the complaints because their outcome is money: a confirmed
 * shortfall is compensated at a published share of the daily heating fee for every day from the
 * report until the room is re-measured at standard, and the amount is credited on the next
 * heating bill (a `heating_compensation` line).
 *
 * Time moves a complaint on: the visit measures the room an hour into its slot; a room below
 * the standard is fixed and re-measured `fixWithinDays` later (or the season ends first).
 */

export const TemperatureTenths = z
  .number()
  .int()
  .min(0)
  .max(400)
  .describe('tenths of a degree Celsius: 165 is 16.5 °C')

export const CompensationBand = z.object({
  belowTenths: z.number().int().describe('applies to a room measured below this'),
  dailyFeePercent: z.number().int().min(0).max(100).describe('share of the daily fee per day'),
})

export const HeatingComplaintRule = z
  .object({
    standardTenths: z.number().int().describe('室温 standard: at or above it a room is heated'),
    bands: z
      .array(CompensationBand)
      .describe('highest bound first; the band with the lowest bound above the reading applies'),
    fixWithinDays: z.number().int().describe('a room below standard is re-measured this later'),
    areaDm2: z.number().int(),
    priceFenPerM2: z.number().int(),
    seasonDays: z.number().int(),
    dailyFeeFen: Fen.describe('area × price ÷ season days, rounded to the fen, for showing'),
  })
  .describe('the published rule, with this household’s numbers')

export const HeatingComplaintRefusal = z
  .enum([
    'HEATING_OUT_OF_SEASON',
    'HEATING_NOT_SUPPLIED',
    'HEATING_COMPLAINT_OPEN',
    'ACCOUNT_SUSPENDED',
  ])
  .describe('the error code a complaint would get now')

export const MeasurementSlot = z.object({
  slotId: z.string().describe('YYYYMMDD-am|pm|ev'),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
})

export const HeatingCompensation = z.object({
  fromDate: LocalDate.describe('the day of the report'),
  toDate: LocalDate.describe('the day before the room was re-measured at standard, inclusive'),
  days: z.number().int(),
  dailyFeePercent: z.number().int(),
  amountFen: Fen,
  billId: z.string().describe('the heating bill it is credited on'),
  creditOn: LocalDate.describe('the day that bill is issued'),
  credited: z.boolean().describe('that bill has been issued with the credit'),
})

export const HeatingComplaint = z.object({
  complaintId: z.string(),
  accountNo: AccountNo,
  season: HeatingSeasonRef,
  reportedAt: IsoDateTime,
  reportedTenths: TemperatureTenths,
  photoRef: z.string().nullable().describe('the caller’s reference of a thermometer photo'),
  visit: MeasurementSlot,
  status: z
    .enum(['scheduled', 'up_to_standard', 'fixing', 'resolved'])
    .describe(
      'scheduled: waiting for the visit; up_to_standard: measured at standard, closed; ' +
        'fixing: measured below, being fixed; resolved: re-measured at standard or season over',
    ),
  measurement: z
    .object({
      measuredAt: IsoDateTime,
      measuredTenths: TemperatureTenths,
      belowStandard: z.boolean(),
      dailyFeePercent: z.number().int().describe('0 at standard'),
    })
    .nullable(),
  fixedAt: IsoDateTime.nullable().describe('re-measured at standard; null if the season ended'),
  compensation: HeatingCompensation.nullable().describe('once resolved below standard'),
})
export type HeatingComplaint = z.infer<typeof HeatingComplaint>

export const HeatingComplaints = z.object({
  accountNo: AccountNo,
  asOf: IsoDateTime,
  season: HeatingSeasonRef.describe('the season billed now'),
  canReport: z.boolean(),
  refusal: HeatingComplaintRefusal.nullable(),
  rule: HeatingComplaintRule,
  slots: z.array(MeasurementSlot).describe('visits that can be booked now, soonest first'),
  complaints: z.array(HeatingComplaint).describe('newest first'),
})
export type HeatingComplaints = z.infer<typeof HeatingComplaints>

export const HeatingComplaintRequest = z.object({
  complaintId: IdempotencyKey,
  reportedTenths: TemperatureTenths,
  slotId: z.string().regex(/^\d{8}-(am|pm|ev)$/),
  photoRef: z.string().max(64).nullable().default(null),
})
export type HeatingComplaintRequest = z.infer<typeof HeatingComplaintRequest>

export const HeatingComplaintPathParams = AccountPathParams.extend({ complaintId: IdempotencyKey })

const error = (description: string) => ({ description, schema: UpstreamError })
const invalid = error('Malformed parameter or body (INVALID_ARGUMENT)')
const unavailable = error('Billing unavailable; safe to retry with the same key')

export const heatingComplaintSchemas = {
  HeatingComplaintRule,
  MeasurementSlot,
  HeatingComplaint,
  HeatingComplaints,
  HeatingComplaintRequest,
}

export const heatingComplaintOperations: readonly ContractOperation[] = [
  {
    operationId: 'getHeatingComplaints',
    method: 'get',
    path: '/accounts/:accountNo/heating-complaints',
    summary: '室温不达标: the rule, bookable visits, whether a report is taken now, the complaints',
    params: AccountPathParams,
    responses: {
      200: { description: 'Complaints, rule and slots', schema: HeatingComplaints },
      400: invalid,
      404: error('ACCOUNT_NOT_FOUND'),
      422: error('NOT_HEATING_ACCOUNT'),
      503: unavailable,
    },
  },
  {
    operationId: 'reportHeatingComplaint',
    method: 'post',
    path: '/accounts/:accountNo/heating-complaints',
    summary: 'Reports a room below the standard and books the measurement visit',
    description:
      'Taken during the season from a heated household with no complaint still open. The ' +
      'sandbox’s technician finds the temperature reported. Idempotent on `complaintId` (the ' +
      'Idempotency-Key header, when sent, must equal it).',
    params: AccountPathParams,
    body: HeatingComplaintRequest,
    responses: {
      200: { description: 'Replay: the original complaint', schema: HeatingComplaint },
      201: { description: 'Reported', schema: HeatingComplaint },
      400: invalid,
      404: error('ACCOUNT_NOT_FOUND'),
      409: error('IDEMPOTENCY_MISMATCH or HEATING_COMPLAINT_OPEN'),
      422: error(
        'NOT_HEATING_ACCOUNT, HEATING_OUT_OF_SEASON, HEATING_NOT_SUPPLIED, SLOT_UNAVAILABLE or ' +
          'ACCOUNT_SUSPENDED',
      ),
      503: unavailable,
    },
  },
  {
    operationId: 'getHeatingComplaint',
    method: 'get',
    path: '/accounts/:accountNo/heating-complaints/:complaintId',
    summary: 'One complaint: its visit, measurement, fix and compensation',
    params: HeatingComplaintPathParams,
    responses: {
      200: { description: 'Complaint', schema: HeatingComplaint },
      400: invalid,
      404: error('ACCOUNT_NOT_FOUND or HEATING_COMPLAINT_NOT_FOUND'),
      422: error('NOT_HEATING_ACCOUNT'),
      503: unavailable,
    },
  },
]
