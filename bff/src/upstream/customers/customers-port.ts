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
  /** The CIS marks the holder as living alone (独居): 一键求助 is on by default. */
  livingAlone?: boolean
  /** 销户: the account is closed (its status stays suspended); nobody may bind it any more. */
  closed?: boolean
}

export interface CustomersPort {
  /** Null when the CIS does not know the account. */
  getAccount(accountNo: string): Promise<CustomerAccount | null>
  /** Checks a binding proof without revealing the holder's data. */
  verifyHolder(accountNo: string, holderName: string, phoneLast4: string): Promise<boolean>
  /** The accounts whose holder has this full mobile number (exact), at most 20. */
  findByPhone(phone: string): Promise<CustomerAccount[]>
}
