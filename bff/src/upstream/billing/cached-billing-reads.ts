import { cacheScope } from '../../platform/cache/cache-kinds'
import type { ReadCache } from '../../platform/cache/read-cache'
import type {
  BillingBill,
  BillingReads,
  BillingSummary,
  BillingTariff,
  TariffReads,
} from './billing-port'

/**
 * Billing's reads through the read cache. One bill is taken from the account's cached list, so
 * opening a bill after the list costs billing nothing; payments drop both (see ReadCache).
 */
export class CachedBillingReads implements BillingReads, TariffReads {
  constructor(
    private readonly inner: BillingReads & TariffReads,
    private readonly cache: ReadCache,
  ) {}

  summary(accountNo: string): Promise<BillingSummary | null> {
    return this.cache.read(
      { kind: 'summary', scope: cacheScope.account(accountNo), id: 'summary' },
      () => this.inner.summary(accountNo),
    )
  }

  bills(accountNo: string): Promise<BillingBill[] | null> {
    return this.cache.read(
      { kind: 'bills', scope: cacheScope.account(accountNo), id: 'list' },
      () => this.inner.bills(accountNo),
    )
  }

  async bill(accountNo: string, billId: string): Promise<BillingBill | null> {
    const bills = await this.bills(accountNo)
    return bills?.find((b) => b.billId === billId) ?? null
  }

  tariff(areaCode: string): Promise<BillingTariff | null> {
    return this.cache.read({ kind: 'tariff', scope: cacheScope.area(areaCode), id: 'tariff' }, () =>
      this.inner.tariff(areaCode),
    )
  }
}
