import { z } from 'zod'
import { defineRoute } from './route'
import { AccountNo, AccountParams, Fen, IsoDateTime } from './common'

/**
 * 账单: a postpaid gas or heating account's bills as the resident reads them. Every line says in
 * words where its amount came from (阶梯气价, area × price, 滞纳金); the lines add up to the
 * bill's amount. Volumes are integer dm³ (0.001 m³), areas integer dm² (0.01 m²).
 */

/** A calendar day in Asia/Shanghai, `YYYY-MM-DD`. */
export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式不正确' })

export const BillStatus = z
  .enum(['unpaid', 'partially_paid', 'paid'])
  .describe('未缴 / 部分缴 / 已缴')
export type BillStatus = z.infer<typeof BillStatus>

const lineBase = {
  /** 第一阶梯, 供暖费, 停暖基本热费, 滞纳金, 室温不达标补偿. */
  label: z.string(),
  amountFen: Fen,
  /** How the amount was reached, e.g. '13.762 m³ × 3.10 元/m³ = 42.66 元'. */
  explanation: z.string(),
}

export const GasTierLine = z.object({
  ...lineBase,
  type: z.literal('gas_tier'),
  tier: z.number().int().min(1).max(3),
  volumeDm3: z.number().int().min(0),
  unitPriceFen: Fen.describe('fen per m³'),
})

export const HeatingLine = z.object({
  ...lineBase,
  type: z.enum(['heating', 'heating_basic']).describe('heating_basic: 基本热费 for 停暖 days'),
  areaDm2: z.number().int().min(0),
  priceFenPerM2: Fen.describe('fen per m² for a full season'),
  days: z.number().int().min(0),
  seasonDays: z.number().int().min(1),
  percent: z.number().int().min(0).max(100).describe('share of the price charged for these days'),
})

export const LateFeeLine = z.object({
  ...lineBase,
  type: z.literal('late_fee'),
  overdueFen: Fen.describe('charges unpaid after the due date'),
  fromDate: LocalDate.describe('first day charged'),
  days: z.number().int().min(0),
  dailyRateBp: z.number().int().describe('basis points per day (10 = 0.1%)'),
})

/** A 室温不达标 credit: last season's compensation taken off this bill (a negative amount). */
export const HeatingCompensationLine = z.object({
  ...lineBase,
  type: z.literal('heating_compensation'),
  complaintId: z.string(),
  fromDate: LocalDate,
  toDate: LocalDate.describe('inclusive'),
  days: z.number().int().min(0),
  percent: z.number().int().min(0).max(100).describe('share of the daily heating fee per day'),
  compensationFen: Fen.describe('the whole compensation; what the bill could not absorb is 预存'),
})

/** 热计量: the season's heat from the heat meter at the 计量热价; heat in MJ (0.001 GJ). */
export const HeatingMeteredLine = z.object({
  ...lineBase,
  type: z.literal('heating_metered'),
  heatMj: z.number().int().min(0),
  priceFenPerGj: Fen.describe('计量热价 per GJ'),
})

export const BillLine = z.discriminatedUnion('type', [
  GasTierLine,
  HeatingLine,
  LateFeeLine,
  HeatingCompensationLine,
  HeatingMeteredLine,
])
export type BillLine = z.infer<typeof BillLine>

export const Bill = z.object({
  billId: z.string(),
  kind: z.enum(['gas', 'heating']),
  /** '2026年10月燃气费', '2026-2027 采暖季供暖费'. */
  title: z.string(),
  period: z.object({ from: LocalDate, to: LocalDate }).describe('inclusive'),
  issuedAt: IsoDateTime,
  dueAt: IsoDateTime,
  amountFen: Fen.describe('charges plus the late fee so far'),
  lateFeeFen: Fen.describe('滞纳金 included in amountFen'),
  paidFen: Fen,
  outstandingFen: Fen,
  status: BillStatus,
  statusLabel: z.enum(['未缴', '部分缴', '已缴']),
  overdue: z.boolean().describe('not fully paid after dueAt'),
  paidAt: IsoDateTime.nullable(),
  /** Gas bills: the meter readings the volume comes from. */
  usage: z
    .object({
      readingFromDm3: z.number().int(),
      readingToDm3: z.number().int(),
      volumeDm3: z.number().int(),
      yearToDateBeforeDm3: z.number().int().describe('used this calendar year before the bill'),
    })
    .nullable(),
  lines: z.array(BillLine),
  /** How the bill was reached, in Chinese (tier bounds, season days, 停暖). */
  note: z.string(),
})
export type Bill = z.infer<typeof Bill>

/** What is owed on the account now; `amountDueFen` is what 立即缴费 pays. */
export const BillsDue = z.object({
  asOf: IsoDateTime,
  amountDueFen: Fen.describe('outstanding on every unpaid bill, late fees included'),
  arrearsFen: Fen.describe('outstanding on overdue bills (part of amountDueFen)'),
  lateFeeFen: Fen.describe('滞纳金 owed now (part of arrearsFen)'),
  unpaidBillCount: z.number().int(),
  overdueBillCount: z.number().int(),
})
export type BillsDue = z.infer<typeof BillsDue>

export const BillList = z.object({
  accountNo: AccountNo,
  due: BillsDue,
  /** Newest first. */
  bills: z.array(Bill),
})
export type BillList = z.infer<typeof BillList>

export const BillParams = AccountParams.extend({
  billId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, { message: '账单号格式不正确' }),
})

const common = { tag: 'bills', auth: 'user', accountScoped: true, idempotent: false } as const

export const listBills = defineRoute({
  ...common,
  id: 'listBills',
  method: 'get',
  path: '/accounts/:accountNo/bills',
  summary: 'What the account owes now and its bills, newest first, each line explained',
  params: AccountParams,
  response: BillList,
})

export const getBill = defineRoute({
  ...common,
  id: 'getBill',
  method: 'get',
  path: '/accounts/:accountNo/bills/:billId',
  summary: 'One bill with its lines explained',
  params: BillParams,
  response: Bill,
})
