import type { HeatMetering } from '../../../contracts/billing'
import { toShanghaiIso } from '../../clock'
import { Random, hashSeed, hashString } from '../../random'
import { dayOfDate, dayStartMs, monthIndexOf, monthStartDay, ymdOf } from '../meters/days'
import {
  METERED_BASIC_PERCENT,
  METERED_PRICE_FEN_PER_GJ,
  heatingSeason,
  type HeatingSeason,
} from './tariffs'

/**
 * 热计量: homes in newer buildings have a heat meter on the flat's loop, and the network bills
 * them by a two-part tariff (基本热价 by area + 计量热价 per GJ). Heat is counted in MJ
 * (0.001 GJ), day by day from (account, day) alone, so any month can be rebuilt on demand and a
 * moved sandbox clock simply reads further. Nothing flows outside the heating season.
 */

/** Metered personas: heat over a full season per m² of 建筑面积, MJ (a well-kept newer flat). */
const meteredPersonas: Record<string, { readonly mjPerM2Season: number }> = {
  '1000000012': { mjPerM2Season: 340 },
}

export function isHeatMetered(accountNo: string): boolean {
  return accountNo in meteredPersonas
}

// Colder months draw more: relative load by month over the season (January first).
const loadByMonth = [1.3, 1.1, 0.65, 0, 0, 0, 0, 0, 0, 0, 0.75, 1.15]

/** The season `day` falls in, or null outside 15 November – 15 March. */
function seasonOfDay(day: number): HeatingSeason | null {
  const { year, month } = ymdOf(day)
  const season = heatingSeason(month >= 10 ? year : year - 1)
  return day >= season.startDay && day <= season.endDay ? season : null
}

/** The mean load factor over a season's days, so a season adds up to its per-m² figure. */
function meanLoad(season: HeatingSeason): number {
  let sum = 0
  for (let day = season.startDay; day <= season.endDay; day++) {
    sum += loadByMonth[ymdOf(day).month - 1] ?? 0
  }
  return sum / season.days
}

export interface HeatMeterBook {
  readonly accountNo: string
  readonly areaDm2: number
  /** Days the home had heat cut off (停暖): no heat flows through the meter then. */
  readonly heated: (season: HeatingSeason, day: number) => boolean
}

/** Heat delivered on `day`, MJ. */
export function dailyHeatMj(book: HeatMeterBook, day: number): number {
  const persona = meteredPersonas[book.accountNo]
  const season = seasonOfDay(day)
  if (!persona || !season || !book.heated(season, day)) return 0
  const perDay = (persona.mjPerM2Season * book.areaDm2) / 100 / season.days
  const load = (loadByMonth[ymdOf(day).month - 1] ?? 0) / meanLoad(season)
  const key = hashSeed(hashString(book.accountNo), hashString('heat'), day)
  return Math.round(perDay * load * (0.85 + new Random(key).next() * 0.3))
}

function heatBetween(book: HeatMeterBook, fromDay: number, toDay: number): number {
  let total = 0
  for (let day = fromDay; day < toDay; day++) total += dailyHeatMj(book, day)
  return total
}

/**
 * What the heat meter shows on `today` (read at midnight): the 36 months up to the current one
 * (this one so far), the season's heat so far and the tariff it is billed by.
 */
export function heatMetering(book: HeatMeterBook, today: number): HeatMetering {
  const current = monthIndexOf(today)
  const months: HeatMetering['months'] = []
  for (let index = current - 35; index <= current; index++) {
    const from = monthStartDay(index)
    const to = Math.min(monthStartDay(index + 1), today)
    const { year, month } = ymdOf(from)
    months.push({
      month: `${year}-${String(month).padStart(2, '0')}`,
      heatMj: heatBetween(book, from, to),
      days: Math.max(0, to - from),
    })
  }
  const { year, month } = ymdOf(today)
  const season = heatingSeason(month >= 10 ? year : year - 1)
  return {
    basicPercent: METERED_BASIC_PERCENT,
    priceFenPerGj: METERED_PRICE_FEN_PER_GJ,
    readAt: toShanghaiIso(dayStartMs(today)),
    seasonHeatMj: heatBetween(book, season.startDay, Math.min(today, season.endDay + 1)),
    months,
  }
}

/** Heat of a whole season, MJ: what its 计量热费 is billed on. */
export function seasonHeatMj(book: HeatMeterBook, season: HeatingSeason): number {
  return heatBetween(book, season.startDay, season.endDay + 1)
}

/** The 计量热费 bill of a season is issued the day after the season ends. */
export function meteredBillDay(season: HeatingSeason): number {
  return dayOfDate(season.year + 1, 3, 16)
}
