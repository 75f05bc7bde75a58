import type { PayableAccount } from '@gh/shared'
import { UpstreamError } from '../../platform/upstream-client'
import type { CustomersPort } from '../customers/customers-port'
import type {
  BillingReads,
  BillingTariff,
  GasOutlookSource,
  PaymentAccountsPort,
  TariffReads,
} from './billing-port'

/**
 * What the amount rules need, joined from CIS (kind, area, meter), billing (what is owed, the
 * tariff's top-up limits) and the gas forecast (for "约可用 N 天"; optional).
 */
export class UpstreamPaymentAccounts implements PaymentAccountsPort {
  constructor(
    private readonly customers: CustomersPort,
    private readonly billing: BillingReads & TariffReads,
    private readonly outlooks: GasOutlookSource,
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

  /** The estimate is a nicety, never a blocker: without it the amounts still show. */
  private async usage(meterNo: string): Promise<PayableAccount['usage']> {
    try {
      const outlook = await this.outlooks.outlook(meterNo)
      if (!outlook) return null
      const { dailyDm3, basis } = outlook.forecast
      return { dailyDm3, ytdDm3: outlook.yearToDateDm3, basis }
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
