import { request } from 'undici'
import {
  CustomerAccount as AccountRecord,
  VerifyHolderResponse as VerifyResult,
} from '../../../contracts/customers'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'
import type { CustomerAccount, CustomersPort } from './customers-port'

/** Customers (CIS) over the documented HTTP contract. */
export class CustomersHttpAdapter implements CustomersPort {
  constructor(private readonly client: UpstreamClient) {}

  static async probe(baseUrl: string): Promise<void> {
    const res = await request(new URL('/healthz', baseUrl), { signal: AbortSignal.timeout(1000) })
    await res.body.dump()
    if (res.statusCode !== 200) throw new Error(`customers health ${res.statusCode}`)
  }

  async getAccount(accountNo: string): Promise<CustomerAccount | null> {
    try {
      const record = await this.client.call({
        operation: 'getAccount',
        method: 'GET',
        path: `/customers/v1/accounts/${encodeURIComponent(accountNo)}`,
        response: AccountRecord,
      })
      return {
        accountNo: record.accountNo,
        kind: record.kind,
        status: record.status,
        holderName: record.holderName,
        phone: record.phone,
        address: record.address.full,
        areaCode: record.areaCode,
        meterNo: record.meterNo,
      }
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
}
