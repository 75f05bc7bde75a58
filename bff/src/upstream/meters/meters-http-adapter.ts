import {
  Credit,
  IcPurchase,
  Meter,
  ReadingList,
  type Reading,
  type CreditRequest,
  type IcPurchaseRequest,
} from '../../../contracts/meters'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'

export type MeterState = Meter
export type MeterCredit = Credit
export type MeterPurchase = IcPurchase

const isNotFound = (err: unknown) =>
  err instanceof UpstreamError && err.kind === 'rejected' && err.status === 404

const meterPath = (meterNo: string) => `/meters/v1/meters/${encodeURIComponent(meterNo)}`

/**
 * The IoT platform and IC-card system over bff/contracts/meters.ts. A credit or purchase id is
 * our order id: the same id never credits twice, so every write is retried safely.
 */
export class MetersHttpAdapter {
  constructor(private readonly client: UpstreamClient) {}

  async meter(meterNo: string): Promise<MeterState | null> {
    try {
      return await this.client.call({
        operation: 'getMeter',
        method: 'GET',
        path: meterPath(meterNo),
        response: Meter,
      })
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }

  /** Monthly readings since `from` (YYYY-MM-DD), oldest first. */
  async readings(meterNo: string, from: string): Promise<Reading[]> {
    const list = await this.client.call({
      operation: 'listReadings',
      method: 'GET',
      path: `${meterPath(meterNo)}/readings`,
      query: { from },
      response: ReadingList,
    })
    return list.readings
  }

  credit(meterNo: string, request: CreditRequest): Promise<MeterCredit> {
    return this.client.call({
      operation: 'creditMeter',
      method: 'POST',
      path: `${meterPath(meterNo)}/credits`,
      body: request,
      idempotencyKey: request.creditId,
      response: Credit,
    })
  }

  async creditStatus(meterNo: string, creditId: string): Promise<MeterCredit | null> {
    try {
      return await this.client.call({
        operation: 'getCredit',
        method: 'GET',
        path: `${meterPath(meterNo)}/credits/${encodeURIComponent(creditId)}`,
        response: Credit,
      })
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }

  purchase(request: IcPurchaseRequest): Promise<MeterPurchase> {
    return this.client.call({
      operation: 'createIcPurchase',
      method: 'POST',
      path: '/meters/v1/ic/purchases',
      body: request,
      idempotencyKey: request.purchaseId,
      response: IcPurchase,
    })
  }

  async purchaseStatus(purchaseId: string): Promise<MeterPurchase | null> {
    try {
      return await this.client.call({
        operation: 'getIcPurchase',
        method: 'GET',
        path: `/meters/v1/ic/purchases/${encodeURIComponent(purchaseId)}`,
        response: IcPurchase,
      })
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }
}
