import type { AccountKind, AccountStatus } from '@gh/shared'

/** An account as the customer information system (CIS) holds it: unmasked, BFF-internal. */
export interface CustomerAccount {
  accountNo: string
  kind: AccountKind
  status: AccountStatus
  holderName: string
  phone: string
  address: string
  areaCode: string
  meterNo: string | null
}

export interface CustomersPort {
  /** Null when the CIS does not know the account. */
  getAccount(accountNo: string): Promise<CustomerAccount | null>
  /** Checks a binding proof without revealing the holder's data. */
  verifyHolder(accountNo: string, holderName: string, phoneLast4: string): Promise<boolean>
}
