import { dm2ToM2String, formatFen, type AccountUsage, type GasUsage } from '@gh/shared'
import { AppError, errors } from '../platform/app-error'
import { toShanghaiIso } from '../platform/time'
import { UpstreamError } from '../platform/upstream-client'
import type { BillingReads } from '../upstream/billing/billing-port'
import type { CustomersPort } from '../upstream/customers/customers-port'
import type { MetersPort } from '../upstream/meters/meters-port'
import {
  forecastFromSeries,
  m3OneDecimal,
  readMeterSeries,
  yearToDateFromSeries,
} from './gas-forecast'
import { meteredHeatingUsage } from './heat-usage'
import { usageMonths } from './usage-months'

/** An upstream that is slow or down is "try again later"; an answer off contract is ours (502). */
async function fromUpstream<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (err) {
    if (!(err instanceof UpstreamError)) throw err
    if (err.kind === 'bad_response' || err.kind === 'rejected') {
      throw new AppError('UPSTREAM_ERROR', { message: err.message, cause: err })
    }
    throw new AppError('USAGE_UNAVAILABLE', {
      message: err.message,
      cause: err,
      ...(err.kind === 'circuit_open' ? { retryAfterSeconds: 10 } : {}),
    })
  }
}

/**
 * 用量: a gas account's months beside the same months a year earlier and its forecast; a
 * district-heating account billed by area, the basis of its fee; one with a heat meter, its heat
 * by month in GJ and the two-part fee.
 */
export class UsageService {
  constructor(
    private readonly customers: CustomersPort,
    private readonly meters: MetersPort,
    private readonly billing: BillingReads,
    private readonly now: () => Date,
  ) {}

  async get(accountNo: string, months: number): Promise<AccountUsage> {
    const account = await fromUpstream(() => this.customers.getAccount(accountNo))
    if (!account) throw errors.notFound()
    if (account.kind === 'heating') return this.heating(accountNo, months)
    if (!account.meterNo) throw errors.notFound()
    return this.gas(accountNo, account.meterNo, months)
  }

  private async gas(accountNo: string, meterNo: string, months: number): Promise<GasUsage> {
    const nowMs = this.now().getTime()
    // A year more than asked for: every month is shown beside the same month a year earlier.
    const series = await fromUpstream(() =>
      readMeterSeries(this.meters, meterNo, nowMs, months + 12),
    )
    const latest = series.at(-1)
    if (!latest) throw new AppError('USAGE_UNAVAILABLE', { message: 'no readings' })
    const forecast = forecastFromSeries(series)
    const table = usageMonths(series, months)
    const current = table.at(-1)
    const parts: string[] = []
    if (current?.usageDm3 != null) {
      const so = current.complete ? '' : '至今'
      parts.push(`${current.label}${so}用气 ${m3OneDecimal(current.usageDm3)} m³`)
      if (current.lastYear.usageDm3 != null && current.complete) {
        parts.push(`去年同月 ${m3OneDecimal(current.lastYear.usageDm3)} m³`)
      }
    }
    if (forecast) {
      parts.push(`预计今后每天约用 ${m3OneDecimal(forecast.dailyDm3)} m³（${forecast.basis}）`)
    }
    return {
      kind: 'gas',
      accountNo,
      readAt: toShanghaiIso(new Date(latest.atMs)),
      months: table,
      yearToDateDm3: yearToDateFromSeries(series),
      forecast,
      summary: parts.length > 0 ? `${parts.join('，')}。` : '暂无用气记录。',
    }
  }

  private async heating(accountNo: string, months: number): Promise<AccountUsage> {
    const summary = await fromUpstream(() => this.billing.summary(accountNo))
    const heating = summary?.heating
    if (!heating) throw errors.notFound()
    if (heating.metering) return meteredHeatingUsage(accountNo, heating, heating.metering, months)
    const area = dm2ToM2String(heating.areaDm2)
    const heated = heating.supply === 'supplied'
    return {
      kind: 'heating',
      accountNo,
      basis: 'area',
      areaDm2: heating.areaDm2,
      priceFenPerM2: heating.priceFenPerM2,
      season: heating.season,
      heatedThisSeason: heated,
      seasonFeeFen: heating.seasonFeeFen,
      summary:
        `供暖费按建筑面积 ${area} m² 计算，不按用热量计量。` +
        `本采暖季${heated ? '' : '已报停，'}供暖费 ${formatFen(heating.seasonFeeFen)}。`,
    }
  }
}
