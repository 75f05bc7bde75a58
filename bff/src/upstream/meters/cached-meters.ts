import { cacheScope } from '../../platform/cache/cache-kinds'
import type { ReadCache } from '../../platform/cache/read-cache'
import type { CardPurchase, MeterCredit, MeterReading, MeterState, MetersPort } from './meters-port'

/**
 * The meter system through the read cache for what screens show (state and balance, monthly
 * readings). Credits, purchases and their status always reach the meter system.
 */
export class CachedMeters implements MetersPort {
  constructor(
    private readonly inner: MetersPort,
    private readonly cache: ReadCache,
  ) {}

  meter(meterNo: string): Promise<MeterState | null> {
    return this.cache.read({ kind: 'meter', scope: cacheScope.meter(meterNo), id: 'state' }, () =>
      this.inner.meter(meterNo),
    )
  }

  readings(meterNo: string, from: string): Promise<MeterReading[]> {
    return this.cache.read(
      { kind: 'readings', scope: cacheScope.meter(meterNo), id: `from:${from}` },
      () => this.inner.readings(meterNo, from),
    )
  }

  credit(meterNo: string, request: { creditId: string; amountFen: number }): Promise<MeterCredit> {
    return this.inner.credit(meterNo, request)
  }

  creditStatus(meterNo: string, creditId: string): Promise<MeterCredit | null> {
    return this.inner.creditStatus(meterNo, creditId)
  }

  purchase(request: {
    purchaseId: string
    meterNo: string
    amountFen: number
  }): Promise<CardPurchase> {
    return this.inner.purchase(request)
  }

  purchaseStatus(purchaseId: string): Promise<CardPurchase | null> {
    return this.inner.purchaseStatus(purchaseId)
  }
}
