import {
  ConnectionRecord as ContractRecord,
  type CreateConnectionRequest,
} from '../../../contracts/customers-connections'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'
import {
  DistrictNotServed,
  type ConnectionRecord,
  type ConnectionsPort,
  type NewConnection,
} from './customers-connections-port'

const recordOf = (r: ContractRecord): ConnectionRecord => ({ ...r })

/** 报装 over bff/contracts/customers-connections.ts, on the customers client. */
export class CustomersConnectionsAdapter implements ConnectionsPort {
  constructor(private readonly client: UpstreamClient) {}

  async apply(request: NewConnection): Promise<ConnectionRecord> {
    const body: CreateConnectionRequest = { ...request }
    try {
      return recordOf(
        await this.client.call({
          operation: 'createConnection',
          method: 'POST',
          path: '/customers/v1/connections',
          body,
          idempotencyKey: request.requestId,
          response: ContractRecord,
        }),
      )
    } catch (err) {
      if (err instanceof UpstreamError && err.upstreamCode === 'DISTRICT_NOT_SERVED') {
        throw new DistrictNotServed()
      }
      throw err
    }
  }

  async find(applicationId: string): Promise<ConnectionRecord | null> {
    try {
      return recordOf(
        await this.client.call({
          operation: 'getConnection',
          method: 'GET',
          path: `/customers/v1/connections/${encodeURIComponent(applicationId)}`,
          response: ContractRecord,
        }),
      )
    } catch (err) {
      if (err instanceof UpstreamError && err.upstreamCode === 'NOT_FOUND') return null
      throw err
    }
  }
}
