import { z } from 'zod'
import { defineRoute } from './route'
import { AccountNo, AccountParams, Fen, IsoDateTime } from './common'
import { AccountSummary } from './accounts'
import { Bill, LocalDate } from './bills'
import { SupplyNotice } from './content'
import { PaymentOrder } from './payments'

/**
 * 首页: one account's home page in one call. Each section is fetched from its own upstream
 * with its own time budget; a slow or failed upstream marks only its sections `unavailable`
 * (with a Chinese sentence and `retryable: true`) and the rest of the page still shows.
 *
 * Every `ok` section names its payload; the payload is null when the section does not apply to
 * the account (e.g. `balance` on a postpaid account, `heating` without district heating) or
 * there is nothing to show (no open repair, no top-up yet).
 */

export const HomeSectionUnavailable = z.object({
  status: z.literal('unavailable'),
  /** e.g. 账单信息暂时无法获取 */
  message: z.string(),
  retryable: z.literal(true),
})
export type HomeSectionUnavailable = z.infer<typeof HomeSectionUnavailable>

function section<K extends string, T extends z.ZodType>(key: K, payload: T) {
  const ok = z.object({ status: z.literal('ok') }).extend({ [key]: payload } as {
    [P in K]: T
  })
  return z.discriminatedUnion('status', [ok, HomeSectionUnavailable])
}

/** Prepaid gas (IoT or IC-card meter): what the meter holds and how long it lasts. */
export const HomeBalance = z.object({
  meterKind: z.enum(['iot', 'ic']),
  balanceFen: Fen.describe('held by the meter (IC: as of the last card insertion); may be < 0'),
  /** "约可用 N 天"; null without recent use to estimate from. */
  daysOfGas: z.number().int().nullable(),
  /** IoT meters: whether the meter talks to the network now; null for IC-card meters. */
  online: z.boolean().nullable(),
})
export type HomeBalance = z.infer<typeof HomeBalance>

/** What a billed account (or one in arrears) owes now. */
export const HomeDue = z.object({
  amountDueFen: Fen.describe('outstanding on every unpaid bill, late fees included'),
  arrearsFen: Fen.describe('outstanding on overdue bills (part of amountDueFen)'),
  lateFeeFen: Fen,
  overdue: z.boolean(),
  unpaidBillCount: z.number().int(),
  /** Due date of the oldest unpaid bill; null when nothing is owed. */
  oldestDueAt: IsoDateTime.nullable(),
  /** 立即缴费 pays `amountFen` (createBillPayment); null when nothing is owed. */
  payAction: z.object({ label: z.string(), amountFen: Fen }).nullable(),
})
export type HomeDue = z.infer<typeof HomeDue>

/** The newest bill, without its lines (the bills page explains them). */
export const HomeBill = Bill.pick({
  billId: true,
  kind: true,
  title: true,
  period: true,
  issuedAt: true,
  dueAt: true,
  amountFen: true,
  outstandingFen: true,
  status: true,
  statusLabel: true,
  overdue: true,
})
export type HomeBill = z.infer<typeof HomeBill>

/** An open repair (报修) as the home card shows it; the repairs pages hold the timeline. */
export const HomeRepair = z.object({
  repairId: z.string(),
  /** e.g. 燃气泄漏, 暖气不热 */
  title: z.string(),
  statusLabel: z.string(),
  /** Expected arrival or completion; null when not scheduled yet. */
  etaAt: IsoDateTime.nullable(),
  updatedAt: IsoDateTime,
})
export type HomeRepair = z.infer<typeof HomeRepair>

/** District heating: this (or the coming) season and whether the home is heated in it. */
export const HomeHeating = z.object({
  seasonStartsOn: LocalDate,
  seasonEndsOn: LocalDate,
  /** Today falls within the season. */
  inSeason: z.boolean(),
  /** false: 停暖 (报停) for this season. */
  heatedThisSeason: z.boolean(),
  seasonFeeFen: Fen,
})
export type HomeHeating = z.infer<typeof HomeHeating>

export const HomeSections = z.object({
  account: section('account', AccountSummary),
  balance: section('balance', HomeBalance.nullable()),
  due: section('due', HomeDue.nullable()),
  latestBill: section('bill', HomeBill.nullable()),
  /** The newest top-up order with its timeline (paid → sent to meter → arrived). */
  lastTopUp: section('order', PaymentOrder.nullable()),
  openRepair: section('repair', HomeRepair.nullable()),
  /** 停气/停暖 notices of the account's area that are current or coming and reach its address. */
  supplyStops: section('notices', z.array(SupplyNotice)),
  heating: section('heating', HomeHeating.nullable()),
})
export type HomeSections = z.infer<typeof HomeSections>
export type HomeSectionName = keyof HomeSections

export const HomePage = z.object({
  accountNo: AccountNo,
  generatedAt: IsoDateTime,
  sections: HomeSections,
})
export type HomePage = z.infer<typeof HomePage>

export const getHome = defineRoute({
  id: 'getHome',
  method: 'get',
  path: '/accounts/:accountNo/home',
  summary:
    'The home page of one bound account: balance, what is owed, the latest bill, the last ' +
    'top-up, an open repair, supply stops and heating, each section ok or unavailable on its own',
  tag: 'home',
  auth: 'user',
  accountScoped: true,
  idempotent: false,
  params: AccountParams,
  response: HomePage,
})
