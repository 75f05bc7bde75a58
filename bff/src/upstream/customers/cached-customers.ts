import { cacheScope } from '../../platform/cache/cache-kinds'
import type { ReadCache } from '../../platform/cache/read-cache'
import type { CustomerAccount, CustomersPort } from './customers-port'

/**
 * The CIS through the read cache, for what screens show (kind, area, meter, the masked holder).
 * Holder checks are never cached: each one must ask the CIS.
 */
export class CachedCustomers implements CustomersPort {
  constructor(
    private readonly inner: CustomersPort,
    private readonly cache: ReadCache,
  ) {}

  getAccount(accountNo: string): Promise<CustomerAccount | null> {
    return this.cache.read(
      { kind: 'account', scope: cacheScope.account(accountNo), id: 'cis' },
      () => this.inner.getAccount(accountNo),
    )
  }

  verifyHolder(accountNo: string, holderName: string, phoneLast4: string): Promise<boolean> {
    return this.inner.verifyHolder(accountNo, holderName, phoneLast4)
  }

  /** Not cached: a search is rare, audited, and must see a holder's new number at once. */
  findByPhone(phone: string): Promise<CustomerAccount[]> {
    return this.inner.findByPhone(phone)
  }
}
