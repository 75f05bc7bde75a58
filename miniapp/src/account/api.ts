import { routes } from '@gh/shared'
import type { BoundAccount } from '@gh/shared'
import { request } from '../api'
import { boundAccountsChanged } from '../hooks/query-cache'

/** The resident's bound accounts: what every account page starts from (see current-account). */
export async function listAccounts(): Promise<BoundAccount[]> {
  return (await request(routes.listAccounts)).accounts
}

/**
 * Wraps a write that binds, unbinds or changes an account (on 绑定, 我的户号 or 家人): every
 * page showing the resident's accounts, or what depends on them, asks again after it.
 */
export async function changesBindings<T>(write: Promise<T>): Promise<T> {
  const result = await write
  boundAccountsChanged()
  return result
}
