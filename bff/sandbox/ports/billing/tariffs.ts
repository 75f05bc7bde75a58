import {
  COMMON_LATE_FEE_DAILY_RATE_BP,
  defaultResidentialTariff,
  type Tariff as GasTariff,
} from '@gh/shared'
import type { Tariff } from '../../../contracts/billing'
import { districts, type District } from '../../seed/places'
import { dayOfDate, isoDate, ymdOf } from '../meters/days'

/**
 * Prices of the service territory. Urban zones (01–03) have the standard residential tiers and
 * district heating; village zones (04–06, 煤改气) heat with gas, so their first tier is wider,
 * as Hebei set it for coal-to-gas households, and they have no heat network.
 */

const ruralGasTariff: GasTariff = {
  name: '居民生活用气（煤改气）',
  tiers: [
    { upToM3: 1200, priceFenPerM3: 310 },
    { upToM3: 1800, priceFenPerM3: 372 },
    { upToM3: null, priceFenPerM3: 465 },
  ],
}

/** 居民采暖 per m² of 建筑面积 per season. */
export const HEATING_PRICE_FEN_PER_M2 = 2280
/** 基本热费 share of the price for days a home has 停暖. */
export const STOPPED_FEE_PERCENT = 30
export const MIN_INDOOR_TEMPERATURE_C = 18
/**
 * 热计量 homes pay a two-part price: 基本热价, this share of the area price for the whole season
 * whatever heat they draw (the network's fixed costs), and 计量热价 per GJ the heat meter counts.
 * A typical flat drawing 0.3–0.4 GJ per m² pays about what the area price would charge.
 */
export const METERED_BASIC_PERCENT = 30
export const METERED_PRICE_FEN_PER_GJ = 4_800
/** 恢复供暖: the valve is unsealed and heat returns this many days after the application. */
export const RESUME_LEAD_DAYS = 2

/**
 * 室温不达标 compensation, as the city publishes it: for every day from the report until the
 * room is re-measured at the standard, a share of the daily heating fee, larger the colder the
 * room. Highest bound first; a reading takes the band with the lowest bound above it.
 */
export const COMPENSATION_BANDS = [
  { belowTenths: MIN_INDOOR_TEMPERATURE_C * 10, dailyFeePercent: 50 },
  { belowTenths: 160, dailyFeePercent: 100 },
] as const
/** A room found below the standard is fixed and re-measured this many days after the visit. */
export const FIX_WITHIN_DAYS = 3

/** The share of the daily fee a room measured at `tenths` earns per day (0 at the standard). */
export function compensationPercent(tenths: number): number {
  let percent = 0
  for (const band of COMPENSATION_BANDS)
    if (tenths < band.belowTenths) percent = band.dailyFeePercent
  return percent
}
/** 滞纳金: 0.1% of the overdue charges a day, never more than the charges (the shared rule). */
export const LATE_FEE_DAILY_RATE_BP = COMMON_LATE_FEE_DAILY_RATE_BP
export const LATE_FEE_CAP_PERCENT = 100

export const topUpLimits = {
  minFenPerOrder: 1_000,
  maxFenPerOrder: 200_000,
  maxFenPerDay: 500_000,
} as const

export interface AreaTariff {
  readonly areaCode: string
  readonly district: District
  readonly rural: boolean
  readonly gas: GasTariff
}

export function areaTariff(areaCode: string): AreaTariff | undefined {
  const district = districts.find((d) => d.code === areaCode.slice(0, 6))
  const zone = Number(areaCode.slice(6))
  if (!district || zone < 1 || zone > 6) return undefined
  const rural = zone >= 4
  if (rural && district.villages.length === 0) return undefined
  return { areaCode, district, rural, gas: rural ? ruralGasTariff : defaultResidentialTariff }
}

export interface HeatingSeason {
  /** Calendar year the season starts in. */
  readonly year: number
  readonly startDay: number
  readonly endDay: number
  readonly days: number
  /** The season's fee is billed on 1 October and due by 31 December. */
  readonly issueDay: number
  readonly dueDay: number
}

export function heatingSeason(year: number): HeatingSeason {
  const startDay = dayOfDate(year, 11, 15)
  const endDay = dayOfDate(year + 1, 3, 15)
  return {
    year,
    startDay,
    endDay,
    days: endDay - startDay + 1,
    issueDay: dayOfDate(year, 10, 1),
    dueDay: dayOfDate(year, 12, 31),
  }
}

/** The season billed most recently on `day`: from 1 October on, the coming one. */
export function currentSeason(day: number): HeatingSeason {
  const { year, month } = ymdOf(day)
  return heatingSeason(month >= 10 ? year : year - 1)
}

export interface HeatingStopWindowDays {
  /** The season applied for, by its start year. */
  readonly year: number
  readonly opensDay: number
  readonly closesDay: number
  readonly open: boolean
}

/**
 * 停暖 applications for a season are taken from 1 September to 31 October, while its fee is
 * being collected and before the network fills; this answers the window open on `day`, else
 * the next one to open.
 */
export function heatingStopWindow(day: number): HeatingStopWindowDays {
  const at = (year: number) => ({
    year,
    opensDay: dayOfDate(year, 9, 1),
    closesDay: dayOfDate(year, 10, 31),
  })
  const { year } = ymdOf(day)
  const window = day > at(year).closesDay ? at(year + 1) : at(year)
  return { ...window, open: day >= window.opensDay && day <= window.closesDay }
}

export function tariffView(area: AreaTariff, today: number): Tariff {
  const season = currentSeason(today)
  return {
    areaCode: area.areaCode,
    district: area.district.name,
    gas: {
      name: area.gas.name,
      tariffYear: 'calendar',
      tiers: area.gas.tiers.map((t, i) => ({
        tier: i + 1,
        upToM3: t.upToM3,
        priceFenPerM3: t.priceFenPerM3,
      })),
    },
    heating: area.rural
      ? null
      : {
          priceFenPerM2: HEATING_PRICE_FEN_PER_M2,
          season: { startsOn: isoDate(season.startDay), endsOn: isoDate(season.endDay) },
          stoppedFeePercent: STOPPED_FEE_PERCENT,
          minIndoorTemperatureC: MIN_INDOOR_TEMPERATURE_C,
          stopApplication: stopApplicationView(heatingStopWindow(today)),
        },
    topUp: { ...topUpLimits },
    lateFee: { dailyRateBp: LATE_FEE_DAILY_RATE_BP, capPercent: LATE_FEE_CAP_PERCENT },
  }
}

function stopApplicationView(window: HeatingStopWindowDays) {
  return {
    seasonYear: window.year,
    opensOn: isoDate(window.opensDay),
    closesOn: isoDate(window.closesDay),
  }
}
