import type { AccountStatus, BillStatus, PayableAccount, PaymentPurpose } from '@gh/shared'
import type { ProviderName } from '../payment-providers/payment-providers-port'

/**
 * The billing system (营收) in our own words: what the bills page, the payment core and
 * reconciliation read and write there. BillingHttpAdapter maps the contract's answers onto these
 * types; nothing of the contract passes this folder.
 */

interface GasTierCharge {
  type: 'gas_tier'
  tier: number
  volumeDm3: number
  unitPriceFen: number
  amountFen: number
  /** Billing's own wording; the bills page writes its own from the numbers. */
  explanation: string
}

interface HeatingCharge {
  type: 'heating' | 'heating_basic'
  areaDm2: number
  priceFenPerM2: number
  days: number
  seasonDays: number
  percent: number
  amountFen: number
  explanation: string
}

interface LateFeeCharge {
  type: 'late_fee'
  overdueFen: number
  fromDate: string
  days: number
  dailyRateBp: number
  amountFen: number
  explanation: string
}

/** Last season's 室温不达标 compensation taken off the bill; `amountFen` is negative. */
interface HeatingCompensationCredit {
  type: 'heating_compensation'
  complaintId: string
  fromDate: string
  toDate: string
  areaDm2: number
  priceFenPerM2: number
  seasonDays: number
  days: number
  percent: number
  /** The whole compensation; what the bill could not absorb was kept as prepayment. */
  compensationFen: number
  amountFen: number
  explanation: string
}

/** 热计量: the season's heat (MJ) at the 计量热价. */
interface HeatingMeteredCharge {
  type: 'heating_metered'
  heatMj: number
  priceFenPerGj: number
  amountFen: number
  explanation: string
}

export type BillingCharge =
  GasTierCharge | HeatingCharge | LateFeeCharge | HeatingCompensationCredit | HeatingMeteredCharge

/** A bill as billing issued it. Times are ISO strings in whatever offset billing wrote them. */
export interface BillingBill {
  billId: string
  accountNo: string
  kind: 'gas' | 'heating'
  period: { from: string; to: string }
  issuedAt: string
  dueAt: string
  amountFen: number
  lateFeeFen: number
  paidFen: number
  outstandingFen: number
  status: BillStatus
  overdue: boolean
  paidAt: string | null
  /** Gas bills: the readings the volume comes from. */
  meter: {
    readingFromDm3: number
    readingToDm3: number
    volumeDm3: number
    yearToDateBeforeDm3: number
  } | null
  lines: BillingCharge[]
  /** Billing's summary text of how the amount was reached. */
  summary: string
}

/** What an account owes (or holds) now. */
export interface BillingSummary {
  status: AccountStatus
  asOf: string
  /** Prepaid: the meter balance; billed accounts: prepayment not yet used by a bill. */
  balanceFen: number | null
  amountDueFen: number
  arrearsFen: number
  lateFeeFen: number
  unpaidBillCount: number
  overdueBillCount: number
  /** District heating: the season and the area its fee is reckoned on; null for gas. */
  heating: BillingHeating | null
}

export interface BillingHeating {
  /** 建筑面积, dm² (0.01 m²). */
  areaDm2: number
  priceFenPerM2: number
  season: { startsOn: string; endsOn: string }
  supply: 'supplied' | 'stopped'
  seasonFeeFen: number
  /** 热计量: the heat meter and its two-part tariff; absent or null when billed by area. */
  metering?: BillingHeatMetering | null
}

export interface BillingHeatMetering {
  /** 基本热价 as a share of the area price for the season. */
  basicPercent: number
  priceFenPerGj: number
  readAt: string
  /** Heat of the current season so far, MJ (0.001 GJ). */
  seasonHeatMj: number
  /** Oldest first, up to the current month (read so far). */
  months: { month: string; heatMj: number; days: number }[]
}

/** An area's tariff: the gas tiers and the top-up limits. */
export interface BillingTariff {
  gas: { name: string; tiers: { upToM3: number | null; priceFenPerM3: number }[] }
  topUp: { minFenPerOrder: number; maxFenPerOrder: number; maxFenPerDay: number }
}

/** What the bills feature reads from billing. */
export interface BillingReads {
  /** Null when billing does not know the account. */
  summary(accountNo: string): Promise<BillingSummary | null>
  /** The account's bills, newest first; null when billing does not know the account. */
  bills(accountNo: string): Promise<BillingBill[] | null>
  /** Null when billing knows no such bill on that account. */
  bill(accountNo: string, billId: string): Promise<BillingBill | null>
}

/** An area's tariff, for the amount rules and "约可用 N 天". */
export interface TariffReads {
  /** Null when billing knows no tariff for the area. */
  tariff(areaCode: string): Promise<BillingTariff | null>
}

/** A payment posting our order made in billing (its id is our order id). */
export interface PaymentPosting {
  paymentId: string
  accountNo: string
  amountFen: number
  channel: ProviderName
  /** When the payer paid, ISO at +08:00. */
  paidAt: string
}

/** Takes a payment posting back (its id derives from the order's). */
export interface RefundPosting {
  refundId: string
  paymentId: string
  amountFen: number
  reason: string
  refundedAt: string
}

export interface LedgerPayment {
  /** Our order id (billing's idempotency key). */
  paymentId: string
  accountNo: string
  amountFen: number
  channel: string
}

export interface LedgerRefund {
  paymentId: string
  amountFen: number
}

/** Billing's postings whose business date (payment / refund time) is the day. */
export interface LedgerPort {
  postingsOfDay(day: string): Promise<{ payments: LedgerPayment[]; refunds: LedgerRefund[] }>
}

export interface CreditRequest {
  /** The upstream idempotency key: the same order is never posted twice. */
  orderId: string
  accountNo: string
  purpose: PaymentPurpose
  amountFen: number
  toArrearsFen: number
}

/**
 * applied: the money reached the meter / the bill is settled. pending: billing holds it until
 * an offline IoT meter next connects. awaiting_card_write: recorded; an IC card must be written.
 */
export type CreditOutcome = 'applied' | 'pending' | 'awaiting_card_write'
type CreditStatus = CreditOutcome | 'card_written' | 'reversed' | 'unknown'

/**
 * Where a credit stands. `at`: when it got there, as the system that did it recorded it (the
 * card write's time for card_written); null when that system does not say.
 */
export interface CreditProgress {
  status: CreditStatus
  at: Date | null
}

/** Billing and meters, as the payment core sees them. */
export interface CreditTarget {
  /** Idempotent by orderId: a repeat returns the current outcome and posts nothing new. */
  credit(request: CreditRequest): Promise<CreditOutcome>
  status(orderId: string): Promise<CreditProgress>
  /**
   * Withdraws a posting that has not reached the meter, before the payer is refunded:
   * 'reversed' (or nothing had been posted), or 'already_applied' when the meter was faster.
   */
  refundPosting(orderId: string): Promise<'reversed' | 'already_applied'>
}

/**
 * A prepaid meter's expected daily use and what it rests on (the usage feature's forecast),
 * with the tariff year's use so far for pricing by 阶梯. Null when there is too little to say.
 */
export interface GasOutlookSource {
  outlook(meterNo: string): Promise<{
    forecast: { dailyDm3: number; basis: string }
    yearToDateDm3: number
  } | null>
}

/** What the amount rules need about an account (CIS + billing + meters joined). */
export interface PaymentAccountsPort {
  facts(accountNo: string): Promise<PayableAccount | null>
}
