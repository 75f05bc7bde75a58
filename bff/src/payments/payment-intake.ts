import type { Logger } from '../platform/logger'
import type { PaymentOrderRow } from './order-entity'
import type { OrderRepository } from './order-repository'
import { SETTLING } from './order-state'
import type { JobScheduler } from './payment-jobs'
import type {
  ProviderName,
  ProviderTrade,
  RefundStatus,
} from '../upstream/payment-providers/payment-providers-port'
import type { PaymentPorts } from './ports'
import { tellResident } from './resident-notices'

/**
 * Applies what a provider says about an order, whether it came in a notification or from a
 * query. Every effect is a conditional transition, so duplicates, reordering and concurrent
 * deliveries to many instances change nothing twice; slow work (crediting) goes to the job.
 */
export class PaymentIntake {
  constructor(
    private readonly orders: OrderRepository,
    private readonly jobs: JobScheduler,
    private readonly ports: PaymentPorts,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  /** A notification: verified over the exact bytes received (throws when not), then applied. */
  async receive(
    provider: ProviderName,
    headers: Record<string, string | undefined>,
    rawBody: Buffer,
  ): Promise<void> {
    const event = await this.ports.providers[provider].verifyNotification(headers, rawBody)
    const order = await this.orders.findByOutTradeNo(event.outTradeNo)
    if (!order || order.provider !== provider) {
      // Acknowledged: retrying cannot make an order that is not ours appear.
      this.logger.warn({ provider, outTradeNo: event.outTradeNo }, 'notification for no order')
      return
    }
    if (event.kind === 'refund') await this.applyRefund(order, event.status)
    else await this.applyTrade(order, event, 'notify')
  }

  async applyTrade(
    order: PaymentOrderRow,
    trade: ProviderTrade,
    source: 'notify' | 'query',
  ): Promise<PaymentOrderRow> {
    if (trade.status === 'paid') {
      // The PAID step is stamped by our clock, the provider's paid time kept beside it as data:
      // the settle job times the credit deadline from the step (see Settlement.paidHereAt).
      const moved = await this.orders.advance(order.id, 'PAID', `paid_${source}`, {
        paidFen: trade.paidFen ?? order.amountFen,
        transactionId: trade.transactionId,
        paidAt: trade.paidAt ?? this.now(),
      })
      // Also on a duplicate: re-enqueueing is a no-op unless a crash lost the first enqueue.
      if (SETTLING.includes(moved.order.state)) await this.jobs.settle(order.id)
      return moved.order
    }
    if (trade.status === 'closed') {
      return (await this.orders.advance(order.id, 'CLOSED', `closed_${source}`)).order
    }
    if (trade.status === 'refunded') {
      // Refunded outside this system: nothing safe to do automatically; reconciliation reports it.
      this.logger.error(
        { orderNo: order.outTradeNo, state: order.state },
        'trade refunded elsewhere',
      )
    }
    return order
  }

  private async applyRefund(order: PaymentOrderRow, status: RefundStatus): Promise<void> {
    if (status === 'success') {
      const moved = await this.orders.advance(order.id, 'REFUNDED', 'refund_notify')
      if (moved.won) await tellResident(this.ports.notices, moved.order, this.logger)
      return
    }
    if (SETTLING.includes(order.state)) await this.jobs.settle(order.id)
  }
}
