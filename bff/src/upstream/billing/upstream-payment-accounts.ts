import type { PayableAccount } from '@gh/shared'
import { toShanghaiIso } from '../../platform/time'
import { UpstreamError } from '../../platform/upstream-client'
import type { CustomersPort } from '../customers/customers-port'
import type { MetersPort } from '../meters/meters-port'
import type { BillingHttpAdapter } from './billing-http-adapter'
import type { BillingTariff, PaymentAccountsPort } from './billing-port'

const DAY_MS = 24 * 3600_000

/**
 * What the amount rules need, joined from CIS (kind, area, meter), billing (what is owed, the
 * tariff's top-up limits) and meters (recent use, for "约可用 N 天"; optional).
 */
export class UpstreamPaymentAccounts implements PaymentAccountsPort {
  constructor(
    private readonly customers: CustomersPort,
    private readonly billing: BillingHttpAdapter,
    private readonly meters: MetersPort,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async facts(accountNo: string): Promise<PayableAccount | null> {
    const account = await this.customers.getAccount(accountNo)
    if (!account) return null
    const [summary, tariff] = await Promise.all([
      this.billing.summary(accountNo),
      this.billing.tariff(account.areaCode),
    ])
    if (!summary || !tariff) {
      throw new UpstreamError('billing', 'bad_response', 'no summary or tariff for the account')
    }
    const prepaid = account.kind === 'iot_prepaid' || account.kind === 'ic_prepaid'
    const usage = prepaid && account.meterNo ? await this.usage(account.meterNo) : null
    return {
      kind: account.kind,
      status: summary.status,
      owedFen: summary.amountDueFen,
      balanceFen: summary.balanceFen,
      limits: {
        minPerOrderFen: tariff.topUp.minFenPerOrder,
        maxPerOrderFen: tariff.topUp.maxFenPerOrder,
        maxPerDayFen: tariff.topUp.maxFenPerDay,
      },
      usage,
      tariff: gasTariff(tariff),
    }
  }

  /**
   * Daily use from the last two monthly readings, whichever year they were taken in; the
   * estimate is a nicety, never a blocker. Readings of this year and the last: the two latest
   * are in there early in January too, before the meter system has taken (or, on a clock a few
   * days behind ours, reached) the new year's first reading.
   */
  private async usage(meterNo: string): Promise<PayableAccount['usage']> {
    const year = toShanghaiIso(this.now()).slice(0, 4)
    try {
      const readings = await this.meters.readings(meterNo, `${Number(year) - 1}-01-01`)
      const last = readings.at(-1)
      const before = readings.at(-2)
      if (!last || !before) return null
      const days = (Date.parse(last.readAt) - Date.parse(before.readAt)) / DAY_MS
      if (days <= 0) return null
      const ytdDm3 = readings
        .filter((r) => toShanghaiIso(new Date(r.readAt)).startsWith(year))
        .reduce((sum, r) => sum + r.usageDm3, 0)
      return { dailyDm3: Math.round(last.usageDm3 / days), ytdDm3 }
    } catch {
      return null
    }
  }
}

function gasTariff(t: BillingTariff): PayableAccount['tariff'] {
  if (t.gas.tiers.length === 0) return null
  return {
    name: t.gas.name,
    tiers: t.gas.tiers.map((tier) => ({ upToM3: tier.upToM3, priceFenPerM3: tier.priceFenPerM3 })),
  }
}
