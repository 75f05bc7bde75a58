import { randomUUID } from 'node:crypto'
import {
  CustomerAccount as AccountRecord,
  FindByPhoneResponse,
  VerifyHolderResponse as VerifyResult,
} from '../../../contracts/customers'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'
import type { CustomerAccount, CustomersPort } from './customers-port'

/** Customers (CIS) over the documented HTTP contract. */
export class CustomersHttpAdapter implements CustomersPort {
  constructor(private readonly client: UpstreamClient) {}

  async getAccount(accountNo: string): Promise<CustomerAccount | null> {
    try {
      const record = await this.client.call({
        operation: 'getAccount',
        method: 'GET',
        path: `/customers/v1/accounts/${encodeURIComponent(accountNo)}`,
        response: AccountRecord,
      })
      return accountOf(record)
    } catch (err) {
      if (err instanceof UpstreamError && err.kind === 'rejected' && err.status === 404) return null
      throw err
    }
  }

  async verifyHolder(accountNo: string, holderName: string, phoneLast4: string): Promise<boolean> {
    try {
      const result = await this.client.call({
        operation: 'verifyHolder',
        method: 'POST',
        path: `/customers/v1/accounts/${encodeURIComponent(accountNo)}/verify-holder`,
        body: { holderName, phoneLast4 },
        response: VerifyResult,
      })
      return result.match
    } catch (err) {
      if (err instanceof UpstreamError && err.kind === 'rejected' && err.status === 404)
        return false
      throw err
    }
  }

  async findByPhone(phone: string): Promise<CustomerAccount[]> {
    // A POST, so the number never appears in a URL; the search changes nothing, so a retry is safe.
    const answer = await this.client.call({
      operation: 'findAccountsByPhone',
      method: 'POST',
      path: '/customers/v1/accounts/search-by-phone',
      body: { phone },
      idempotencyKey: `phone-search-${randomUUID()}`,
      response: FindByPhoneResponse,
    })
    return answer.items.map(accountOf)
  }
}

function accountOf(record: AccountRecord): CustomerAccount {
  return {
    accountNo: record.accountNo,
    kind: record.kind,
    status: record.status,
    holderName: record.holderName,
    phone: record.phone,
    address: record.address.full,
    areaCode: record.areaCode,
    meterNo: record.meterNo,
    livingAlone: record.careTags.includes('living_alone'),
    closed: record.closedAt != null,
  }
}
