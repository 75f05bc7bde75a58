import { DomainError } from './domain-error'
import { assertNonNegativeInt, checkedMul, divRoundHalfUp } from './int-math'
import { areaDm2, DM2_PER_M2 } from './volume'

/**
 * District heating is billed per heating season by heated area: area (m²) × price (fen per m²
 * per season). A home heated for only part of the season (停暖 / 报停 for the rest) pays the
 * heated days pro rata and, for the stopped days, a share of the fee (基本热费) whose percent
 * each city sets: it is a parameter here, never a hidden default.
 *
 * Rounding: the total is rounded half up to the fen once, from the exact fee, so heating more
 * days never costs less and a 100% share equals the full fee. The heated line is rounded half up
 * too and the stopped line is the rest, so the lines always add up to the total.
 */

/** A common 基本热费 share; pass it explicitly where the local rule says 30%. */
export const COMMON_STOPPED_HEATING_FEE_PERCENT = 30

export interface HeatingProration {
  /** Days in the official heating season, e.g. 151 for 11-15 to 04-15. */
  seasonDays: number
  /** Days of that season the home was heated; the rest were stopped. */
  heatedDays: number
  /** Integer percent (0–100) of the full fee charged for stopped days. */
  stoppedFeePercent: number
}

export interface HeatingFee {
  heatedFen: number
  stoppedFen: number
  totalFen: number
}

function invalid(message: string): DomainError {
  return new DomainError('INVALID_PRORATION', message)
}

/**
 * The season's heating fee for `areaDm2` (0.01 m² units) at `priceFenPerM2` per season, in
 * lines. Without `proration` the whole season is heated.
 */
export function heatingSeasonFee(
  area: number,
  priceFenPerM2: number,
  proration?: HeatingProration,
): HeatingFee {
  areaDm2(area)
  assertNonNegativeInt(priceFenPerM2, 'INVALID_AMOUNT', 'price per m²')
  const fullTimesDm2 = checkedMul(area, priceFenPerM2)
  if (proration === undefined) {
    const heatedFen = divRoundHalfUp(fullTimesDm2, DM2_PER_M2)
    return { heatedFen, stoppedFen: 0, totalFen: heatedFen }
  }

  const { seasonDays, heatedDays, stoppedFeePercent } = proration
  if (!Number.isSafeInteger(seasonDays) || seasonDays <= 0) {
    throw invalid('season days must be a positive integer')
  }
  assertNonNegativeInt(heatedDays, 'INVALID_PRORATION', 'heated days')
  if (heatedDays > seasonDays) throw invalid('heated days cannot exceed season days')
  assertNonNegativeInt(stoppedFeePercent, 'INVALID_PRORATION', 'stopped fee percent')
  if (stoppedFeePercent > 100) throw invalid('stopped fee percent cannot exceed 100')

  const stoppedDays = seasonDays - heatedDays
  const percentDays = checkedMul(heatedDays, 100) + checkedMul(stoppedDays, stoppedFeePercent)
  const totalFen = divRoundHalfUp(
    checkedMul(fullTimesDm2, percentDays),
    checkedMul(DM2_PER_M2 * 100, seasonDays),
  )
  const heatedFen = divRoundHalfUp(
    checkedMul(fullTimesDm2, heatedDays),
    checkedMul(DM2_PER_M2, seasonDays),
  )
  return { heatedFen, stoppedFen: totalFen - heatedFen, totalFen }
}

/** The total of `heatingSeasonFee`, in fen. */
export function heatingSeasonFeeFen(
  area: number,
  priceFenPerM2: number,
  proration?: HeatingProration,
): number {
  return heatingSeasonFee(area, priceFenPerM2, proration).totalFen
}

export interface HeatingStopQuote {
  /** The season's fee heated throughout. */
  fullFen: number
  /** The fee with 停暖 for the whole season: the 基本热费 share only. */
  stoppedFen: number
  /** What applying for 停暖 saves: fullFen − stoppedFen. */
  savingFen: number
}

/**
 * What a household pays for a season with and without 停暖 (报停) for all of it, so the choice
 * can be shown before applying. Both amounts come from `heatingSeasonFee`, rounded the same way.
 */
export function heatingStopQuote(
  area: number,
  priceFenPerM2: number,
  season: { seasonDays: number; stoppedFeePercent: number },
): HeatingStopQuote {
  const fullFen = heatingSeasonFeeFen(area, priceFenPerM2)
  const stoppedFen = heatingSeasonFeeFen(area, priceFenPerM2, { ...season, heatedDays: 0 })
  return { fullFen, stoppedFen, savingFen: fullFen - stoppedFen }
}

export interface HeatingCompensationDays {
  /** Days of the season the room was below the standard and is compensated for. */
  days: number
  /** Days in the official heating season the fee is spread over. */
  seasonDays: number
  /** Integer percent (0–100) of the daily fee paid back per such day, as the rule publishes. */
  percent: number
}

/**
 * The daily heating fee a 室温不达标 rule starts from: the full season's fee for the area spread
 * over the season's days, rounded half up to the fen (for showing the rule; the compensation
 * itself is rounded once from the exact amount, so it never drifts from the daily figure × days
 * by more than the rounding of one amount).
 */
export function heatingDailyFeeFen(
  area: number,
  priceFenPerM2: number,
  seasonDays: number,
): number {
  areaDm2(area)
  assertNonNegativeInt(priceFenPerM2, 'INVALID_AMOUNT', 'price per m²')
  if (!Number.isSafeInteger(seasonDays) || seasonDays <= 0) {
    throw invalid('season days must be a positive integer')
  }
  return divRoundHalfUp(checkedMul(area, priceFenPerM2), checkedMul(DM2_PER_M2, seasonDays))
}

/**
 * What a household gets back for days below the temperature standard: area × price ÷ season
 * days × percent × days, rounded half up to the fen once.
 */
export function heatingCompensationFen(
  area: number,
  priceFenPerM2: number,
  compensation: HeatingCompensationDays,
): number {
  const { days, seasonDays, percent } = compensation
  heatingDailyFeeFen(area, priceFenPerM2, seasonDays)
  assertNonNegativeInt(days, 'INVALID_PRORATION', 'compensated days')
  if (days > seasonDays) throw invalid('compensated days cannot exceed season days')
  assertNonNegativeInt(percent, 'INVALID_PRORATION', 'compensation percent')
  if (percent > 100) throw invalid('compensation percent cannot exceed 100')
  return divRoundHalfUp(
    checkedMul(checkedMul(area, priceFenPerM2), checkedMul(days, percent)),
    checkedMul(DM2_PER_M2 * 100, seasonDays),
  )
}
