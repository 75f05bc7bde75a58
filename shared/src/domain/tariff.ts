import { DomainError } from './domain-error'
import { checkedAdd, checkedMul, divFloor, divRoundHalfUp } from './int-math'
import { fen } from './money'
import { DM3_PER_M3, volumeDm3 } from './volume'

/**
 * 阶梯气价: residential gas is priced in annual tiers of cumulative volume. A bill's volume is
 * placed on top of the year-to-date volume before it, and each part that falls into a tier is
 * one bill line at that tier's price.
 *
 * Rounding: each line is rounded half up to the fen (price × volume / 1000, exact integer math),
 * and the total is the sum of the rounded lines, so the lines a resident reads always add up to
 * the amount charged. A consequence: billing a volume in two parts can differ from billing it at
 * once by at most half a fen per line involved (whole-m³ volumes never differ).
 */

export type TierNo = 1 | 2 | 3

export interface TariffTier {
  /** Upper bound of the tier in cumulative m³ per tariff year (whole m³); null for the last. */
  upToM3: number | null
  /** Integer fen per m³. */
  priceFenPerM3: number
}

export interface Tariff {
  /** Shown to residents, e.g. '居民生活用气'. */
  name: string
  /** One to three tiers in ascending order; only the last is open-ended. */
  tiers: readonly TariffTier[]
}

export interface GasBillLine {
  tier: TierNo
  volumeDm3: number
  unitPriceFen: number
  amountFen: number
}

export interface GasBill {
  lines: GasBillLine[]
  totalFen: number
}

/** Typical 2026 residential tariff: ≤350 m³ 3.10 元, 350–500 m³ 3.72 元, >500 m³ 4.65 元. */
export const defaultResidentialTariff: Tariff = {
  name: '居民生活用气',
  tiers: [
    { upToM3: 350, priceFenPerM3: 310 },
    { upToM3: 500, priceFenPerM3: 372 },
    { upToM3: null, priceFenPerM3: 465 },
  ],
}

function invalid(message: string): DomainError {
  return new DomainError('INVALID_TARIFF', message)
}

/** Throws `INVALID_TARIFF` unless the tariff can price every volume unambiguously. */
export function assertValidTariff(tariff: Tariff): Tariff {
  const { tiers } = tariff
  if (tiers.length < 1 || tiers.length > 3) throw invalid('a tariff has one to three tiers')
  let previousUpTo = 0
  tiers.forEach((tier, i) => {
    if (!Number.isSafeInteger(tier.priceFenPerM3) || tier.priceFenPerM3 <= 0) {
      throw invalid('tier prices must be positive integer fen')
    }
    const isLast = i === tiers.length - 1
    if (tier.upToM3 === null) {
      if (!isLast) throw invalid('only the last tier may be open-ended')
      return
    }
    if (isLast) throw invalid('the last tier must be open-ended')
    const wholeM3 =
      Number.isSafeInteger(tier.upToM3) && Number.isSafeInteger(tier.upToM3 * DM3_PER_M3)
    if (!wholeM3 || tier.upToM3 <= previousUpTo) {
      throw invalid('tier bounds must be ascending whole m³')
    }
    previousUpTo = tier.upToM3
  })
  return tariff
}

/**
 * Prices `billDm3` of gas used after `ytdDm3` had already been used in the same tariff year.
 * A bill that spans two tariff years is two calls, one per year.
 */
export function gasBill(tariff: Tariff, ytdDm3: number, billDm3: number): GasBill {
  assertValidTariff(tariff)
  const start = volumeDm3(ytdDm3)
  const end = checkedAdd(start, volumeDm3(billDm3))
  const lines: GasBillLine[] = []
  let lower = 0
  tariff.tiers.forEach((tier, i) => {
    const upper = tier.upToM3 === null ? Infinity : tier.upToM3 * DM3_PER_M3
    const volume = Math.min(end, upper) - Math.max(start, lower)
    if (volume > 0) {
      lines.push({
        tier: (i + 1) as TierNo,
        volumeDm3: volume,
        unitPriceFen: tier.priceFenPerM3,
        amountFen: divRoundHalfUp(checkedMul(tier.priceFenPerM3, volume), DM3_PER_M3),
      })
    }
    lower = upper
  })
  return { lines, totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0) }
}

/**
 * For "约可用 N 天": whole days the balance lasts at `dailyDm3` a day, priced by `gasBill`
 * exactly (tier crossings included). Assumes the tariff year does not reset within the horizon,
 * which can only under-estimate. Returns null when there is no recent use to extrapolate from,
 * and 0 for a zero or negative balance.
 */
export function estimateDaysOfGas(
  balanceFen: number,
  dailyDm3: number,
  tariff: Tariff,
  ytdDm3: number,
): number | null {
  const balance = fen(balanceFen)
  const daily = volumeDm3(dailyDm3)
  volumeDm3(ytdDm3)
  assertValidTariff(tariff)
  if (daily === 0) return null
  if (balance <= 0) return 0

  // Rounding lets a bill be at most 1.5 fen below the exact price at the cheapest tier, so a
  // volume priced above balance + 2 fen at that price can never be affordable.
  const minPrice = Math.min(...tariff.tiers.map((t) => t.priceFenPerM3))
  let lo = 0
  let hi = divFloor(checkedMul(balance + 2, DM3_PER_M3), minPrice) + 1
  while (lo < hi) {
    const mid = lo + Math.ceil((hi - lo) / 2)
    if (gasBill(tariff, ytdDm3, mid).totalFen <= balance) lo = mid
    else hi = mid - 1
  }
  return divFloor(lo, daily)
}
