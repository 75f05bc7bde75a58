import { maskAddress, maskName, type AccountSummary } from '@gh/shared'
import type { CustomerAccount } from '../upstream/customers/customers-port'

/** The one place a CIS account becomes what a resident may see: personal fields masked. */
export function toAccountSummary(account: CustomerAccount): AccountSummary {
  return {
    accountNo: account.accountNo,
    kind: account.kind,
    status: account.status,
    holderNameMasked: maskName(account.holderName),
    addressMasked: maskAddress(account.address),
    areaCode: account.areaCode,
  }
}
