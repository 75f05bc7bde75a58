import { cacheScope } from '../platform/cache/cache-kinds'
import type { ReadCache } from '../platform/cache/read-cache'
import type { CustomersPort } from '../upstream/customers/customers-port'

/** Tells the read cache that money reached (or left) an account upstream. */
export type AccountReadsChanged = (accountNo: string) => Promise<void>

/**
 * A credit, a card write or a withdrawn posting changes what billing and the meter answer for
 * the account (balance, what is owed, its bills): the cached answers that showed the state
 * before are dropped, so the next read anywhere asks again. Never fails the payment: a cache
 * that cannot be reached lets its answers lapse on their own.
 */
export function accountReadsChanged(
  cache: ReadCache,
  customers: CustomersPort,
): AccountReadsChanged {
  return async (accountNo) => {
    await cache.invalidate(cacheScope.account(accountNo), ['summary', 'bills'])
    const account = await customers.getAccount(accountNo).catch(() => null)
    if (account?.meterNo) await cache.invalidate(cacheScope.meter(account.meterNo), ['meter'])
  }
}
