import { DomainError } from './domain-error'
import {
  assertNonNegativeInt,
  assertSafeInt,
  checkedAdd,
  checkedMul,
  divRoundHalfUp,
} from './int-math'

/**
 * Late fee (滞纳金) on a postpaid bill: every day after the due date, a share of the charges
 * still unpaid at the start of that day (a payment made on a day stops the accrual from the next
 * day, so paying the day after the due date costs one day). The fee is simple interest on the
 * charges, never on earlier late fees, rounded half up to the fen once, and never more than the
 * charges themselves (the cap most local rules and the Administrative Enforcement Law set).
 *
 * Days are integers of the caller's calendar (e.g. days since 1970-01-01 in Asia/Shanghai): the
 * domain library does no time-zone work.
 */

/** A common rate: 0.1% of the overdue charges per day, in basis points. */
export const COMMON_LATE_FEE_DAILY_RATE_BP = 10

/** Money applied to (fen > 0) or taken back from (fen < 0, a refund) the charges on a day. */
export interface ChargeChange {
  day: number
  fen: number
}

export interface LateFeeTerms {
  /** Last day to pay without a fee; accrual starts the next day. */
  dueDay: number
  /** The fee as of the end of this day. */
  asOfDay: number
  /** Basis points of the overdue charges per day (10 = 0.1%). */
  dailyRateBp: number
}

export interface LateFee {
  feeFen: number
  /** Days after the due date, up to `asOfDay`, on which some charges were unpaid. */
  days: number
  /** Sum over those days of the unpaid charges (fen × days), before the rate. */
  fenDays: number
  /** Charges still unpaid at the end of `asOfDay`. */
  overdueFen: number
  /** True when the fee was limited to the charges. */
  capped: boolean
}

function invalid(message: string): DomainError {
  return new DomainError('INVALID_AMOUNT', message)
}

/**
 * The late fee on `chargeFen` of charges, given every change to what was paid of them. Changes
 * after `asOfDay` are ignored. Throws when the changes would make the charges paid beyond 0…total.
 */
export function lateFee(
  chargeFen: number,
  changes: readonly ChargeChange[],
  terms: LateFeeTerms,
): LateFee {
  assertNonNegativeInt(chargeFen, 'INVALID_AMOUNT', 'charges')
  assertNonNegativeInt(terms.dailyRateBp, 'INVALID_AMOUNT', 'daily rate')
  assertSafeInt(terms.dueDay, 'INVALID_DATE', 'due day')
  assertSafeInt(terms.asOfDay, 'INVALID_DATE', 'as-of day')
  const sorted = changes
    .filter((c) => c.day <= terms.asOfDay)
    .map((c) => ({
      day: assertSafeInt(c.day, 'INVALID_DATE', 'change day'),
      fen: assertSafeInt(c.fen, 'INVALID_AMOUNT', 'change'),
    }))
    .sort((a, b) => a.day - b.day)

  let unpaid = chargeFen
  let cursor = terms.dueDay + 1
  let days = 0
  let fenDays = 0
  const accrue = (through: number): void => {
    if (through < cursor) return
    if (unpaid > 0) {
      days += through - cursor + 1
      fenDays = checkedAdd(fenDays, checkedMul(unpaid, through - cursor + 1))
    }
    cursor = through + 1
  }
  for (const change of sorted) {
    // A change on day d counts from d + 1: day d itself accrues on what was unpaid before.
    accrue(change.day)
    unpaid -= change.fen
    if (unpaid < 0 || unpaid > chargeFen) throw invalid('paid charges must stay within 0…total')
  }
  accrue(terms.asOfDay)

  const uncapped = divRoundHalfUp(checkedMul(fenDays, terms.dailyRateBp), 10_000)
  const capped = uncapped > chargeFen
  return { feeFen: capped ? chargeFen : uncapped, days, fenDays, overdueFen: unpaid, capped }
}
