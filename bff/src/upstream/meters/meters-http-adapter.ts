import { Credit, IcPurchase, Meter, ReadingList } from '../../../contracts/meters'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'
import type { CardPurchase, MeterCredit, MeterReading, MeterState, MetersPort } from './meters-port'

const isNotFound = (err: unknown) =>
  err instanceof UpstreamError && err.kind === 'rejected' && err.status === 404

const meterPath = (meterNo: string) => `/meters/v1/meters/${encodeURIComponent(meterNo)}`

/**
 * The IoT platform and IC-card system over bff/contracts/meters.ts. A credit or purchase id is
 * our order id: the same id never credits twice, so every write is retried safely.
 */
export class MetersHttpAdapter implements MetersPort {
  constructor(private readonly client: UpstreamClient) {}

  async meter(meterNo: string): Promise<MeterState | null> {
    try {
      const meter = await this.client.call({
        operation: 'getMeter',
        method: 'GET',
        path: meterPath(meterNo),
        response: Meter,
      })
      return {
        online: meter.online,
        type: meter.type,
        balanceFen: meter.balanceFen,
        readingDm3: meter.readingDm3,
        lastReadingAt: meter.lastReadingAt,
      }
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }

  async readings(meterNo: string, from: string): Promise<MeterReading[]> {
    const list = await this.client.call({
      operation: 'listReadings',
      method: 'GET',
      path: `${meterPath(meterNo)}/readings`,
      query: { from },
      response: ReadingList,
    })
    return list.readings.map((r) => ({
      readAt: r.readAt,
      readingDm3: r.readingDm3,
      usageDm3: r.usageDm3,
    }))
  }

  async credit(
    meterNo: string,
    request: { creditId: string; amountFen: number },
  ): Promise<MeterCredit> {
    const credit = await this.client.call({
      operation: 'creditMeter',
      method: 'POST',
      path: `${meterPath(meterNo)}/credits`,
      body: request,
      idempotencyKey: request.creditId,
      response: Credit,
    })
    return { status: credit.status }
  }

  async creditStatus(meterNo: string, creditId: string): Promise<MeterCredit | null> {
    try {
      const credit = await this.client.call({
        operation: 'getCredit',
        method: 'GET',
        path: `${meterPath(meterNo)}/credits/${encodeURIComponent(creditId)}`,
        response: Credit,
      })
      return { status: credit.status }
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }

  async purchase(request: {
    purchaseId: string
    meterNo: string
    amountFen: number
  }): Promise<CardPurchase> {
    const purchase = await this.client.call({
      operation: 'createIcPurchase',
      method: 'POST',
      path: '/meters/v1/ic/purchases',
      body: request,
      idempotencyKey: request.purchaseId,
      response: IcPurchase,
    })
    return purchaseOf(purchase)
  }

  async purchaseStatus(purchaseId: string): Promise<CardPurchase | null> {
    try {
      const purchase = await this.client.call({
        operation: 'getIcPurchase',
        method: 'GET',
        path: `/meters/v1/ic/purchases/${encodeURIComponent(purchaseId)}`,
        response: IcPurchase,
      })
      return purchaseOf(purchase)
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }
}

function purchaseOf(purchase: IcPurchase): CardPurchase {
  return { status: purchase.status, writtenAt: purchase.writtenAt }
}
