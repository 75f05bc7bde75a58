import { In, type DataSource } from 'typeorm'
import type { ProviderName } from '../upstream/payment-providers/payment-providers-port'
import { OrderTransitionRow, PaymentOrderRow } from '../payments/order-entity'

/**
 * The order reads reconciliation needs and the payment core does not (by payment day, by refund
 * day, in bulk). Read-only: every change goes through the payment core's state machine.
 */
export class ReconciliationOrders {
  constructor(private readonly db: DataSource) {}

  /** Orders of the provider whose payment time falls in [from, to). */
  paidBetween(provider: ProviderName, from: Date, to: Date): Promise<PaymentOrderRow[]> {
    return this.db
      .getRepository(PaymentOrderRow)
      .createQueryBuilder('o')
      .where('o.provider = :provider', { provider })
      .andWhere('o.paid_at >= :from AND o.paid_at < :to', {
        from: from.toISOString(),
        to: to.toISOString(),
      })
      .getMany()
  }

  /** Orders of the provider that reached REFUNDED in [from, to). */
  async refundedBetween(provider: ProviderName, from: Date, to: Date): Promise<PaymentOrderRow[]> {
    const moves = await this.db
      .getRepository(OrderTransitionRow)
      .createQueryBuilder('t')
      .where('t.to_state = :state', { state: 'REFUNDED' })
      .andWhere('t.at >= :from AND t.at < :to', { from: from.toISOString(), to: to.toISOString() })
      .getMany()
    const orders = await this.byIds(moves.map((m) => m.orderId))
    return orders.filter((o) => o.provider === provider)
  }

  byOutTradeNos(outTradeNos: string[]): Promise<PaymentOrderRow[]> {
    if (outTradeNos.length === 0) return Promise.resolve([])
    return this.db.getRepository(PaymentOrderRow).findBy({ outTradeNo: In(outTradeNos) })
  }

  byIds(ids: string[]): Promise<PaymentOrderRow[]> {
    if (ids.length === 0) return Promise.resolve([])
    return this.db.getRepository(PaymentOrderRow).findBy({ id: In(ids) })
  }
}
