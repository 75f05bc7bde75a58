import { z } from 'zod'
import { defineRoute } from './route'
import { AccountNo, AccountParams, Fen, IsoDateTime } from './common'
import { LocalDate } from './bills'

/**
 * 用量: what a household has used, month by month, each month beside the same month a year
 * earlier, and what it is likely to use next. Gas volumes are integer dm³ (0.001 m³). District
 * heating billed by area has no volume: its answer is the area basis the fee is reckoned on.
 */

export const UsageQuery = z.object({
  /** How many calendar months back, the current one included. */
  months: z.coerce
    .number({ message: '月数应为1到24之间的整数' })
    .int({ message: '月数应为1到24之间的整数' })
    .min(1, { message: '月数应为1到24之间的整数' })
    .max(24, { message: '月数应为1到24之间的整数' })
    .default(24),
})
export type UsageQuery = z.infer<typeof UsageQuery>

/** A calendar month in Asia/Shanghai, `YYYY-MM`. */
export const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)

/** What the meter recorded over one calendar month (or the part of it read so far). */
export const MonthUse = z.object({
  month: YearMonth,
  /** Null when no reading covers the month (meter installed later, history not kept). */
  usageDm3: z.number().int().min(0).nullable(),
  /** Days of the month the readings cover: the whole month, or up to the latest reading. */
  days: z.number().int().min(0),
  dailyAverageDm3: z.number().int().min(0).nullable(),
})
export type MonthUse = z.infer<typeof MonthUse>

export const UsageMonth = MonthUse.extend({
  /** '2026年11月' */
  label: z.string(),
  /** False for the current month, read only up to the latest reading. */
  complete: z.boolean(),
  /** The same month a year earlier. */
  lastYear: MonthUse,
})
export type UsageMonth = z.infer<typeof UsageMonth>

/** The expected daily use of the coming weeks, and what the expectation rests on. */
export const UsageForecast = z.object({
  dailyDm3: z.number().int().min(0),
  /** Daily average over the recent readings the forecast starts from (30–61 days). */
  recentDailyDm3: z.number().int().min(0),
  recentDays: z.number().int().min(1),
  /** The same weeks a year earlier; null without readings from then. */
  lastYearDailyDm3: z.number().int().min(0).nullable(),
  /** e.g. '按近30天日均 2.4 m³ 及去年同期用量估算' */
  basis: z.string(),
})
export type UsageForecast = z.infer<typeof UsageForecast>

export const GasUsage = z.object({
  kind: z.literal('gas'),
  accountNo: AccountNo,
  /** When the meter was last read. */
  readAt: IsoDateTime,
  /** Oldest first; the last one is the current month (`complete: false`) once it has a reading. */
  months: z.array(UsageMonth),
  /** Used since 1 January of the latest reading's year (阶梯 count from there). */
  yearToDateDm3: z.number().int().min(0).nullable(),
  /** Null when there are not enough readings to say. */
  forecast: UsageForecast.nullable(),
  /** One or two sentences in Chinese, for the top of the page and for reading aloud. */
  summary: z.string(),
})
export type GasUsage = z.infer<typeof GasUsage>

export const HeatingUsage = z.object({
  kind: z.literal('heating'),
  accountNo: AccountNo,
  /** The fee is reckoned on the home's 建筑面积, not on heat used. */
  basis: z.literal('area'),
  areaDm2: z.number().int().describe('建筑面积 in dm² (0.01 m²)'),
  priceFenPerM2: Fen.describe('per m² for a full season'),
  season: z.object({ startsOn: LocalDate, endsOn: LocalDate }),
  /** false: 停暖 (报停) for this season. */
  heatedThisSeason: z.boolean(),
  seasonFeeFen: Fen,
  summary: z.string(),
})
export type HeatingUsage = z.infer<typeof HeatingUsage>

/**
 * 热计量: a heating home with a heat meter, billed 基本热价 by area + 计量热价 per GJ. Its months
 * have the gas answer's shape, in thousandths of `unit` (MJ, 0.001 GJ) where gas has dm³.
 */
export const MeteredHeatingUsage = z.object({
  kind: z.literal('heating_metered'),
  accountNo: AccountNo,
  unit: z.literal('GJ'),
  /** When the heat meter was last read. */
  readAt: IsoDateTime,
  /** Oldest first, in MJ; the last one is the current month so far. */
  months: z.array(UsageMonth),
  season: z.object({ startsOn: LocalDate, endsOn: LocalDate }),
  heatedThisSeason: z.boolean(),
  /** Heat of this season so far, MJ (0.001 GJ). */
  seasonHeatMj: z.number().int().min(0),
  areaDm2: z.number().int().describe('建筑面积 in dm² (0.01 m²)'),
  /** 基本热价: this share of the area price per m² for the season. */
  basicPercent: z.number().int().min(0).max(100),
  basicFeeFen: Fen,
  priceFenPerGj: Fen.describe('计量热价 per GJ'),
  /** 计量热费 of the heat so far this season. */
  meteredFeeSoFarFen: Fen,
  summary: z.string(),
})
export type MeteredHeatingUsage = z.infer<typeof MeteredHeatingUsage>

export const AccountUsage = z.discriminatedUnion('kind', [
  GasUsage,
  HeatingUsage,
  MeteredHeatingUsage,
])
export type AccountUsage = z.infer<typeof AccountUsage>

export const getUsage = defineRoute({
  id: 'getUsage',
  method: 'get',
  path: '/accounts/:accountNo/usage',
  summary:
    'Monthly use of the last N months, each beside the same month a year earlier, the recent ' +
    'daily average and the forecast with what it rests on; heating billed by area: its basis',
  tag: 'usage',
  auth: 'user',
  accountScoped: true,
  idempotent: false,
  params: AccountParams,
  query: UsageQuery,
  response: AccountUsage,
})
