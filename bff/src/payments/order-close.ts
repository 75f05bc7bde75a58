import type { PaymentPurpose } from '@gh/shared'
import { errors } from '../platform/app-error'
import type { Logger } from '../platform/logger'
import type { PaymentOrderRow } from './order-entity'
import type { OrderRepository } from './order-repository'
import { AWAITING_PAYMENT } from './order-state'
import type { PaymentIntake } from './payment-intake'
import type { PaymentPorts } from './ports'

/**
 * The payer cancelled (or gave up) in the payment sheet: close the order at the provider first,
 * so it can no longer be paid, then here. If the payment won the race, it is applied instead
 * and credited like any other. Calling it again, or on an order already past paying, changes
 * nothing and answers the order as it is.
 */
export class OrderCloser {
  constructor(
    private readonly orders: OrderRepository,
    private readonly intake: PaymentIntake,
    private readonly ports: PaymentPorts,
    private readonly logger: Logger,
  ) {}

  async close(
    accountNo: string,
    purpose: PaymentPurpose,
    orderNo: string,
  ): Promise<PaymentOrderRow> {
    const order = await this.orders.findForAccount(accountNo, orderNo)
    if (!order || order.purpose !== purpose) throw errors.notFound()
    if (!AWAITING_PAYMENT.includes(order.state)) return order
    const provider = this.ports.providers[order.provider]
    if ((await provider.close(order.outTradeNo)) === 'paid') {
      this.logger.info({ orderNo }, 'close lost to a payment; applying it')
      return this.intake.applyTrade(order, await provider.query(order.outTradeNo), 'query')
    }
    return (await this.orders.advance(order.id, 'CLOSED', 'closed_by_payer')).order
  }
}
