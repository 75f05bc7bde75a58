import { fenToYuanString, lateFee, type ChargeChange, type LateFee } from '@gh/shared'
import type { BillLine } from '../../../contracts/billing'
import { dayOf, isoDate } from '../meters/days'
import { LATE_FEE_DAILY_RATE_BP } from './tariffs'

/**
 * One bill as billing keeps it: the charges (fixed when issued, re-rated only by 停暖), what was
 * paid of them day by day, and what was paid of the late fee. The late fee itself is never
 * stored: it is reckoned from the charge payments for whatever day is asked about.
 */
export interface BillRecord {
  readonly billId: string
  readonly accountNo: string
  readonly kind: 'gas' | 'heating'
  readonly fromDay: number
  readonly toDay: number
  readonly issuedAtMs: number
  readonly dueAtMs: number
  /** The sum of `lines` (late fee excluded). */
  chargeFen: number
  lines: readonly BillLine[]
  summary: string
  chargePaidFen: number
  /** Charge payments (+) and reversals (−) by day; they add up to chargePaidFen. */
  readonly chargeChanges: ChargeChange[]
  lateFeePaidFen: number
  /** When the bill was last settled in full. */
  paidAtMs: number | null
  readonly meter: {
    meterNo: string
    readingFromDm3: number
    readingToDm3: number
    volumeDm3: number
    yearToDateBeforeDm3: number
  } | null
}

export function dueDayOf(bill: BillRecord): number {
  return dayOf(bill.dueAtMs)
}

export function lateFeeOf(bill: BillRecord, asOfDay: number): LateFee {
  return lateFee(bill.chargeFen, bill.chargeChanges, {
    dueDay: dueDayOf(bill),
    asOfDay,
    dailyRateBp: LATE_FEE_DAILY_RATE_BP,
  })
}

export interface BillDue {
  chargeFen: number
  lateFeeFen: number
  totalFen: number
}

/** What is still owed on the bill at the end of `asOfDay`. */
export function dueOf(bill: BillRecord, asOfDay: number): BillDue {
  const chargeFen = bill.chargeFen - bill.chargePaidFen
  const lateFeeFen = Math.max(0, lateFeeOf(bill, asOfDay).feeFen - bill.lateFeePaidFen)
  return { chargeFen, lateFeeFen, totalFen: chargeFen + lateFeeFen }
}

/**
 * Applies up to `amountFen` paid at `paidAtMs`: the late fee first (reckoned for that day), then
 * the charges. Answers what went where.
 */
export function payBill(
  bill: BillRecord,
  amountFen: number,
  paidAtMs: number,
): { amountFen: number; lateFeeFen: number } {
  const day = changeDay(bill, paidAtMs)
  const due = dueOf(bill, day)
  const toFee = Math.min(amountFen, due.lateFeeFen)
  const toCharge = Math.min(amountFen - toFee, due.chargeFen)
  bill.lateFeePaidFen += toFee
  if (toCharge > 0) {
    bill.chargePaidFen += toCharge
    bill.chargeChanges.push({ day, fen: toCharge })
  }
  if (toFee + toCharge === due.totalFen) bill.paidAtMs = paidAtMs
  return { amountFen: toFee + toCharge, lateFeeFen: toFee }
}

/** Takes back up to `amountFen` (a refund): the charges first, as they were paid last. */
export function unpayBill(
  bill: BillRecord,
  amountFen: number,
  atMs: number,
): { amountFen: number; lateFeeFen: number } {
  const fromCharge = Math.min(amountFen, bill.chargePaidFen)
  const fromFee = Math.min(amountFen - fromCharge, bill.lateFeePaidFen)
  if (fromCharge > 0) {
    bill.chargePaidFen -= fromCharge
    bill.chargeChanges.push({ day: changeDay(bill, atMs), fen: -fromCharge })
  }
  bill.lateFeePaidFen -= fromFee
  if (fromCharge + fromFee > 0) bill.paidAtMs = null
  return { amountFen: fromCharge + fromFee, lateFeeFen: fromFee }
}

/**
 * The day a payment or refund counts from: its own, or the latest day already recorded when it
 * comes back dated earlier, so the history never shows more paid than charged.
 */
function changeDay(bill: BillRecord, atMs: number): number {
  return bill.chargeChanges.reduce((latest, c) => Math.max(latest, c.day), dayOf(atMs))
}

const percent = `${LATE_FEE_DAILY_RATE_BP / 100}%`

/** The late_fee line of a bill as of a day, or null while no fee has accrued. */
export function lateFeeLine(bill: BillRecord, asOfDay: number): BillLine | null {
  const fee = lateFeeOf(bill, asOfDay)
  if (fee.feeFen === 0) return null
  const fromDay = dueDayOf(bill) + 1
  const amount = `${fenToYuanString(fee.feeFen)} 元`
  const cap = fee.capped ? '（以欠费本金为上限）' : ''
  const base = bill.chargeFen - paidBefore(bill, fromDay)
  // One unpaid amount on every charged day reads as a product; otherwise as a running total.
  const explanation =
    fee.fenDays === base * fee.days
      ? `滞纳金：逾期 ${fenToYuanString(base)} 元 × ${percent}/天 × ${fee.days} 天` +
        `（${isoDate(fromDay)} 起）= ${amount}${cap}`
      : `滞纳金：${isoDate(fromDay)} 起按每日未缴金额的 ${percent} 计收，` +
        `共 ${fee.days} 天，累计 ${amount}${cap}`
  return {
    type: 'late_fee',
    overdueFen: fee.overdueFen,
    fromDate: isoDate(fromDay),
    days: fee.days,
    dailyRateBp: LATE_FEE_DAILY_RATE_BP,
    amountFen: fee.feeFen,
    explanation,
  }
}

function paidBefore(bill: BillRecord, day: number): number {
  return bill.chargeChanges.filter((c) => c.day < day).reduce((s, c) => s + c.fen, 0)
}
