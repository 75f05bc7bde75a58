import { z } from 'zod'
import { AccountNo, IsoDateTime, UpstreamError } from './common'
import { AccountKind, AccountPathParams, AccountStatus } from './customers'
import { Fen, IdempotencyKey, LocalDate } from './billing-primitives'
import { heatingStopOperations, heatingStopSchemas } from './billing-heating-stops'
import { heatingComplaintOperations, heatingComplaintSchemas } from './billing-heating-complaints'
import {
  AccountPostings,
  AccountPostingsQuery,
  PaymentChannel,
  PaymentRequest,
  Posting,
  PostingsOfDay,
  PostingsQuery,
  RefundPosting,
  RefundPostingRequest,
} from './billing-postings'
import type { Contract } from './openapi'

/**
 * Billing port (营收系统): bills and their lines, tariffs, payment and refund postings. Money is
 * integer fen, gas volume integer dm³ (0.001 m³), heated area integer dm² (0.01 m²).
 */

export { Fen, IdempotencyKey, LocalDate }
export * from './billing-postings'

export const GasTierLine = z.object({
  type: z.literal('gas_tier'),
  tier: z.number().int().min(1).max(3).describe('阶梯 1–3'),
  volumeDm3: z.number().int().min(0),
  unitPriceFen: z.number().int().describe('fen per m³'),
  amountFen: Fen,
  explanation: z.string().describe('Chinese, e.g. 第一阶梯 12.5 m³ × 3.10 元/m³ = 38.75 元'),
})

export const HeatingLine = z.object({
  type: z
    .enum(['heating', 'heating_basic'])
    .describe('heating: heated days; heating_basic: 基本热费 for stopped days'),
  areaDm2: z.number().int().min(0),
  priceFenPerM2: z.number().int().describe('fen per m² per full season'),
  days: z.number().int().min(0),
  seasonDays: z.number().int().min(1),
  percent: z
    .number()
    .int()
    .min(0)
    .max(100)
    .describe('share of the full price charged for these days'),
  amountFen: Fen,
  explanation: z.string(),
})

export const LateFeeLine = z.object({
  type: z.literal('late_fee'),
  overdueFen: Fen.describe('charges still unpaid now (late fees are never charged on late fees)'),
  fromDate: LocalDate.describe('first day charged: the day after the due date'),
  days: z.number().int().min(0).describe('days after the due date with charges unpaid'),
  dailyRateBp: z.number().int().describe('basis points of the unpaid charges per day (10 = 0.1%)'),
  amountFen: Fen.describe('accrued to today, or to the day the charges were paid'),
  explanation: z
    .string()
    .describe('Chinese, e.g. 滞纳金：逾期 123.45 元 × 0.1%/天 × 26 天 = 3.21 元'),
})

export const HeatingCompensationLine = z.object({
  type: z.literal('heating_compensation'),
  complaintId: z.string().describe('the 室温不达标 complaint compensated'),
  fromDate: LocalDate,
  toDate: LocalDate.describe('inclusive'),
  areaDm2: z.number().int().min(0),
  priceFenPerM2: z.number().int(),
  seasonDays: z.number().int().min(1).describe('of the season the days were in'),
  days: z.number().int().min(0),
  percent: z.number().int().min(0).max(100).describe('share of the daily fee per day'),
  compensationFen: Fen.describe(
    'area × price ÷ season days × days × percent, rounded half up once',
  ),
  amountFen: Fen.describe(
    'negative: what this bill is reduced by; what its charges could not absorb is kept as ' +
      'prepayment (compensationFen + amountFen)',
  ),
  explanation: z.string(),
})

/** 热计量: the season's heat the meter counted, at the 计量热价. */
export const HeatingMeteredLine = z.object({
  type: z.literal('heating_metered'),
  heatMj: z.number().int().min(0).describe('heat of the season, MJ (0.001 GJ)'),
  priceFenPerGj: z.number().int().describe('计量热价, fen per GJ'),
  amountFen: Fen.describe('heat × price, rounded half up once'),
  explanation: z.string().describe('Chinese, e.g. 计量热费：30.12 GJ × 48.00 元/GJ = 1445.76 元'),
})

export const BillLine = z.discriminatedUnion('type', [
  GasTierLine,
  HeatingLine,
  LateFeeLine,
  HeatingCompensationLine,
  HeatingMeteredLine,
])
export type BillLine = z.infer<typeof BillLine>

export const BillMeterReading = z.object({
  meterNo: z.string(),
  readingFromDm3: z.number().int(),
  readingToDm3: z.number().int(),
  volumeDm3: z.number().int(),
  yearToDateBeforeDm3: z
    .number()
    .int()
    .describe('volume already used in the tariff year (calendar year) before this bill'),
})

export const BillStatus = z.enum(['unpaid', 'partially_paid', 'paid'])

export const Bill = z.object({
  billId: z.string(),
  accountNo: AccountNo,
  kind: z.enum(['gas', 'heating']),
  period: z.object({ from: LocalDate, to: LocalDate }).describe('inclusive'),
  issuedAt: IsoDateTime,
  dueAt: IsoDateTime,
  amountFen: Fen.describe('charges plus the late fee accrued so far'),
  lateFeeFen: Fen.describe('滞纳金 included in amountFen (its late_fee line)'),
  paidFen: Fen,
  outstandingFen: Fen,
  status: BillStatus,
  overdue: z.boolean().describe('unpaid or partially paid after dueAt'),
  paidAt: IsoDateTime.nullable().describe('when the bill was settled in full'),
  meter: BillMeterReading.nullable().describe('gas bills: the readings the volume comes from'),
  lines: z.array(BillLine).describe('the lines always add up to amountFen'),
  summary: z.string().describe('Chinese, how the amount was reached'),
})
export type Bill = z.infer<typeof Bill>

export const LastPayment = z.object({
  paymentId: z.string(),
  amountFen: Fen,
  channel: PaymentChannel,
  paidAt: IsoDateTime,
})
export type LastPayment = z.infer<typeof LastPayment>

export const HeatMetering = z
  .object({
    basicPercent: z.number().int().describe('基本热价: share of the area price for the season'),
    priceFenPerGj: z.number().int().describe('计量热价, fen per GJ'),
    readAt: IsoDateTime.describe('when the heat meter was last read'),
    seasonHeatMj: z.number().int().min(0).describe('heat of the current season so far, MJ'),
    months: z
      .array(
        z.object({
          month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
          heatMj: z.number().int().min(0).describe('MJ (0.001 GJ)'),
          days: z.number().int().min(0).describe('days read: the whole month, or so far'),
        }),
      )
      .describe('the 36 months up to the current one, oldest first'),
  })
  .describe('热计量: a heat meter on the flat and the two-part tariff it is billed by')
export type HeatMetering = z.infer<typeof HeatMetering>

export const HeatingState = z.object({
  areaDm2: z.number().int().describe('建筑面积 in dm² (0.01 m²)'),
  priceFenPerM2: z.number().int(),
  season: z.object({ startsOn: LocalDate, endsOn: LocalDate }),
  supply: z
    .enum(['supplied', 'stopped'])
    .describe('stopped: 停暖 (报停) for this season, until the day 恢复供暖 brings heat back'),
  seasonFeeFen: Fen,
  metering: HeatMetering.nullable().describe('null: billed by area only'),
})

export const AccountSummary = z.object({
  accountNo: AccountNo,
  kind: AccountKind,
  status: AccountStatus,
  asOf: IsoDateTime,
  balanceFen: Fen.nullable().describe(
    'prepaid: the meter balance; billed accounts: prepayment (预存) not yet used by a bill',
  ),
  amountDueFen: Fen.describe('outstanding on every unpaid bill'),
  arrearsFen: Fen.describe('outstanding on overdue bills (part of amountDueFen)'),
  lateFeeFen: Fen.describe('滞纳金 owed now (part of arrearsFen)'),
  unpaidBillCount: z.number().int(),
  overdueBillCount: z.number().int(),
  lastPayment: LastPayment.nullable(),
  heating: HeatingState.nullable(),
})
export type AccountSummary = z.infer<typeof AccountSummary>

export const BillsQuery = z.object({
  from: LocalDate.optional().describe('bills whose period ends on or after this date'),
  to: LocalDate.optional().describe('bills whose period starts on or before this date'),
})
export const BillList = z.object({ accountNo: AccountNo, bills: z.array(Bill) })
export const BillPathParams = AccountPathParams.extend({ billId: z.string().max(40) })

export const TariffTier = z.object({
  tier: z.number().int().min(1).max(3),
  upToM3: z.number().int().nullable().describe('annual cumulative bound; null: open-ended'),
  priceFenPerM3: z.number().int(),
})

export const Tariff = z.object({
  areaCode: z.string(),
  district: z.string(),
  gas: z.object({
    name: z.string(),
    tariffYear: z.literal('calendar').describe('tiers count volume from 1 January'),
    tiers: z.array(TariffTier),
  }),
  heating: z
    .object({
      priceFenPerM2: z.number().int().describe('per m² of 建筑面积 per full season'),
      season: z.object({ startsOn: LocalDate, endsOn: LocalDate }),
      stoppedFeePercent: z.number().int().describe('基本热费 share charged for 停暖 days'),
      minIndoorTemperatureC: z.number().int().describe('室温 standard during the season'),
      stopApplication: z
        .object({ seasonYear: z.number().int(), opensOn: LocalDate, closesOn: LocalDate })
        .describe('停暖 application window open now, else the next one (inclusive dates)'),
    })
    .nullable()
    .describe('null where there is no district heating network'),
  topUp: z.object({
    minFenPerOrder: Fen,
    maxFenPerOrder: Fen,
    maxFenPerDay: Fen.describe('per account per calendar day, all channels'),
  }),
  lateFee: z
    .object({
      dailyRateBp: z.number().int().describe('basis points of overdue charges per day'),
      capPercent: z.number().int().describe('the fee never exceeds this share of the charges'),
    })
    .describe('滞纳金 on postpaid gas and heating bills, from the day after the due date'),
})
export type Tariff = z.infer<typeof Tariff>
export const AreaPathParams = z.object({ areaCode: z.string().regex(/^\d{8}$/) })

const error = (description: string) => ({ description, schema: UpstreamError })
const invalid = error('Malformed parameter or body (INVALID_ARGUMENT)')
const unavailable = error('Billing unavailable; safe to retry with the same key')

export const billingContract: Contract = {
  port: 'billing',
  title: 'Billing port (营收)',
  version: '1.2.0',
  description:
    'Bills with explained lines (阶梯气价 tiers, heating area × price, late fees, 室温不达标 ' +
    'credits), tariffs and top-up limits, payment and refund postings, 停暖 / 恢复供暖 ' +
    'applications, 室温不达标 complaints with their measurement visits and compensation. ' +
    'Postings are idempotent: the same paymentId (or refundId) never posts twice; a replay answers the original posting with 200 and a ' +
    'different body under the same id answers 409 IDEMPOTENCY_MISMATCH. The Idempotency-Key ' +
    'header, when sent, must equal the id in the body. Errors use `{ code, message }`.',
  basePath: '/billing/v1',
  schemas: {
    Fen,
    LocalDate,
    PaymentChannel,
    BillLine,
    Bill,
    AccountSummary,
    Tariff,
    PaymentRequest,
    Posting,
    RefundPostingRequest,
    RefundPosting,
    PostingsOfDay,
    AccountPostings,
    ...heatingStopSchemas,
    ...heatingComplaintSchemas,
    UpstreamError,
  },
  operations: [
    {
      operationId: 'getAccountSummary',
      method: 'get',
      path: '/accounts/:accountNo/summary',
      summary: 'Balance or amount due, arrears, last payment and heating state',
      params: AccountPathParams,
      responses: {
        200: { description: 'Summary', schema: AccountSummary },
        400: invalid,
        404: error('ACCOUNT_NOT_FOUND'),
        503: unavailable,
      },
    },
    {
      operationId: 'listBills',
      method: 'get',
      path: '/accounts/:accountNo/bills',
      summary: 'Bills of an account, newest first',
      params: AccountPathParams,
      query: BillsQuery,
      responses: {
        200: { description: 'Bills', schema: BillList },
        400: invalid,
        404: error('ACCOUNT_NOT_FOUND'),
        503: unavailable,
      },
    },
    {
      operationId: 'getBill',
      method: 'get',
      path: '/accounts/:accountNo/bills/:billId',
      summary: 'One bill with its lines explained',
      params: BillPathParams,
      responses: {
        200: { description: 'Bill', schema: Bill },
        400: invalid,
        404: error('ACCOUNT_NOT_FOUND or BILL_NOT_FOUND'),
        503: unavailable,
      },
    },
    {
      operationId: 'getTariff',
      method: 'get',
      path: '/tariffs/:areaCode',
      summary: 'Gas tiers, heating price and top-up limits of a service area',
      params: AreaPathParams,
      responses: {
        200: { description: 'Tariff', schema: Tariff },
        400: invalid,
        404: error('AREA_NOT_FOUND'),
        503: unavailable,
      },
    },
    {
      operationId: 'postPayment',
      method: 'post',
      path: '/payments',
      summary: 'Posts a payment; settles unpaid bills, overdue and oldest first',
      description:
        'Billed accounts: the amount settles `billIds` when given (it must equal their ' +
        'outstanding total), else unpaid bills oldest first; any rest is kept as prepayment. ' +
        'Within a bill the late fee is settled before the charges; both are reckoned as of the ' +
        'day of `paidAt`, so a payer pays what was shown that day. ' +
        'Prepaid accounts: a top_up receipt within the tariff limits; the gas reaches the ' +
        'meter through the meters port (credits or IC purchases).',
      body: PaymentRequest,
      responses: {
        200: { description: 'Replay: the original posting', schema: Posting },
        201: { description: 'Posted', schema: Posting },
        400: invalid,
        404: error('ACCOUNT_NOT_FOUND or BILL_NOT_FOUND'),
        409: error('IDEMPOTENCY_MISMATCH: this paymentId was posted with another body'),
        422: error(
          'ACCOUNT_SUSPENDED, BILL_ALREADY_PAID, AMOUNT_MISMATCH, NOTHING_TO_PAY, ' +
            'TOP_UP_AMOUNT_OUT_OF_RANGE or TOP_UP_DAILY_LIMIT',
        ),
        503: unavailable,
      },
    },
    {
      operationId: 'postRefund',
      method: 'post',
      path: '/refund-postings',
      summary: 'Posts a refund of an earlier payment, undoing its newest settlements first',
      body: RefundPostingRequest,
      responses: {
        200: { description: 'Replay: the original refund posting', schema: RefundPosting },
        201: { description: 'Posted', schema: RefundPosting },
        400: invalid,
        404: error('PAYMENT_NOT_FOUND'),
        409: error('IDEMPOTENCY_MISMATCH'),
        422: error('REFUND_EXCEEDS_PAYMENT'),
        503: unavailable,
      },
    },
    {
      operationId: 'listAccountPostings',
      method: 'get',
      path: '/accounts/:accountNo/postings',
      summary: 'Payment history (缴费记录) of an account: postings and refunds, newest first',
      params: AccountPathParams,
      query: AccountPostingsQuery,
      responses: {
        200: { description: 'Postings', schema: AccountPostings },
        400: invalid,
        404: error('ACCOUNT_NOT_FOUND'),
        503: unavailable,
      },
    },
    ...heatingStopOperations,
    ...heatingComplaintOperations,
    {
      operationId: 'listPostings',
      method: 'get',
      path: '/postings',
      summary: 'Payment and refund postings of one business day, for reconciliation',
      query: PostingsQuery,
      responses: {
        200: { description: 'Postings', schema: PostingsOfDay },
        400: invalid,
        503: unavailable,
      },
    },
  ],
}
