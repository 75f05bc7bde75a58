import type { UsageForecast } from '@gh/shared'
import type { MeterReading, MeterState, MetersPort } from '../upstream/meters/meters-port'
import {
  DAY_MS,
  dailyOver,
  meterSeries,
  monthIndexOf,
  monthStartMs,
  usageBetween,
  yearBefore,
  yearStartMs,
  type MeterSeries,
} from './meter-series'

/**
 * What a household will likely burn a day over the coming weeks. Recent use (the last 30–61
 * days of readings) gives the level; the same weeks a year earlier give the season's turn, so a
 * wall boiler that starts heating in mid-November is foreseen in December and not averaged
 * away. Prepaid top-ups (约可用 N 天), the home page and the usage page all read it from here.
 */

/** The recent span starts at the newest reading at least this far back from the latest. */
const RECENT_MIN_DAYS = 30
/** How far ahead the same season a year earlier is looked at. */
const AHEAD_DAYS = 30
// Heating comes and goes as a load added to cooking and hot water, so last year's turn is added,
// not multiplied: a year-earlier month away from home would otherwise multiply the forecast. A
// turn to milder weeks still leaves at least this share of the recent use.
const MIN_SHARE_OF_RECENT = 0.25

/** One decimal of m³, e.g. 2350 dm³ → '2.4'. */
export function m3OneDecimal(dm3: number): string {
  return (Math.round(dm3 / 100) / 10).toFixed(1)
}

export function forecastFromSeries(series: MeterSeries): UsageForecast | null {
  const latest = series.at(-1)
  if (!latest) return null
  const start = [...series].reverse().find((p) => latest.atMs - p.atMs >= RECENT_MIN_DAYS * DAY_MS)
  if (!start) return null
  const recentMs = latest.atMs - start.atMs
  const recentDaily = ((latest.registerDm3 - start.registerDm3) * DAY_MS) / recentMs
  const recentDays = Math.round(recentMs / DAY_MS)

  const lastYearTo = yearBefore(latest.atMs)
  const lastYearRecent = dailyOver(series, yearBefore(start.atMs), lastYearTo)
  const lastYearAhead = dailyOver(series, lastYearTo, lastYearTo + AHEAD_DAYS * DAY_MS)
  const lastYearKnown = lastYearRecent !== null && lastYearAhead !== null
  let daily = recentDaily
  if (lastYearKnown) {
    const turned = Math.max(
      recentDaily * MIN_SHARE_OF_RECENT,
      recentDaily + lastYearAhead - lastYearRecent,
    )
    // Blended with last year's own use of those weeks: a few odd recent days (a closed valve, a
    // week away) move the forecast half as much.
    daily = (turned + lastYearAhead) / 2
  }
  const recentText = `按近${recentDays}天日均 ${m3OneDecimal(recentDaily)} m³`
  return {
    dailyDm3: Math.round(daily),
    recentDailyDm3: Math.round(recentDaily),
    recentDays,
    lastYearDailyDm3: lastYearKnown ? Math.round(lastYearAhead) : null,
    basis: `${recentText} ${lastYearKnown ? '及去年同期用量' : ''}估算`,
  }
}

/** Used since 1 January of the latest register's year; null when the registers start later. */
export function yearToDateFromSeries(series: MeterSeries): number | null {
  const latest = series.at(-1)
  if (!latest) return null
  const from = yearStartMs(latest.atMs)
  const { usageDm3, coveredMs } = usageBetween(series, from, latest.atMs)
  return coveredMs < latest.atMs - from ? null : Math.round(usageDm3)
}

export interface GasOutlook {
  forecast: UsageForecast
  /** For pricing by 阶梯: what the tariff year has used so far. */
  yearToDateDm3: number
}

/** The meter's register series over the last `monthsBack` months (and the latest state). */
export async function readMeterSeries(
  meters: MetersPort,
  meterNo: string,
  nowMs: number,
  monthsBack: number,
): Promise<MeterSeries> {
  const [state, readings] = await readMeter(meters, meterNo, nowMs, monthsBack)
  return meterSeries(readings, state)
}

function readMeter(
  meters: MetersPort,
  meterNo: string,
  nowMs: number,
  monthsBack: number,
): Promise<[MeterState | null, MeterReading[]]> {
  const fromMs = monthStartMs(monthIndexOf(nowMs) - monthsBack)
  const from = new Date(fromMs + 8 * 3_600_000).toISOString().slice(0, 10)
  return Promise.all([meters.meter(meterNo), meters.readings(meterNo, from)])
}

/** The forecast of one meter, for callers that need only that (top-up, home). */
export class GasForecaster {
  /**
   * The outlook worked out from one pair of meter answers: the read cache hands out the same
   * answer objects while it keeps them, so a page read again is not worked out again.
   */
  private readonly known = new WeakMap<
    MeterReading[],
    { state: MeterState | null; outlook: GasOutlook | null }
  >()

  constructor(
    private readonly meters: MetersPort,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Null when the meter has too few readings to say. Upstream failures propagate. */
  async outlook(meterNo: string): Promise<GasOutlook | null> {
    // Fifteen months reach the recent span (up to 61 days) a year back and its month before.
    const [state, readings] = await readMeter(this.meters, meterNo, this.now().getTime(), 15)
    const known = this.known.get(readings)
    if (known && known.state === state) return known.outlook
    const series = meterSeries(readings, state)
    const forecast = forecastFromSeries(series)
    const outlook = forecast ? { forecast, yearToDateDm3: yearToDateFromSeries(series) ?? 0 } : null
    this.known.set(readings, { state, outlook })
    return outlook
  }
}
