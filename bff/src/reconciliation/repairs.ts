import type { Logger } from '../platform/logger'
import type { PaymentOrderRow } from '../payments/order-entity'
import type { OrderRepository } from '../payments/order-repository'
import type { PaymentIntake } from '../payments/payment-intake'
import type { PaymentPorts } from '../payments/ports'
import type { Settlement } from '../payments/settlement'

/** The parts of the payment core a repair goes through. */
interface PaymentCore {
  intake: PaymentIntake
  settlement: Settlement
  orders: OrderRepository
}

/**
 * The only changes reconciliation makes, each through the payment core and each idempotent, so
 * a rerun (or a run racing the jobs) changes nothing twice:
 * - the provider's own answer about a trade goes through the intake, as a query result would:
 *   a conditional move to PAID (CLOSED → PAID included) and a settle job keyed by the order;
 * - a credit is asked of billing again under the order id, which billing de-duplicates;
 * - a refund is confirmed by the settle step, which asks the provider before refunding.
 */
export class Repairs {
  constructor(
    private readonly payments: PaymentCore,
    private readonly ports: Pick<PaymentPorts, 'providers' | 'credit'>,
    private readonly logger: Logger,
  ) {}

  /** The order after the provider's answer was applied; null when the provider says unpaid. */
  async applyPayment(order: PaymentOrderRow): Promise<PaymentOrderRow | null> {
    try {
      const trade = await this.ports.providers[order.provider].query(order.outTradeNo)
      if (trade.status !== 'paid') return null
      return await this.payments.intake.applyTrade(order, trade, 'query')
    } catch (err) {
      this.logger.warn({ orderNo: order.outTradeNo, err }, 'reconciliation: applying failed')
      return null
    }
  }

  /** True when billing now holds the order's posting. */
  async credit(order: PaymentOrderRow): Promise<boolean> {
    try {
      await this.ports.credit.credit({
        orderId: order.id,
        accountNo: order.accountNo,
        purpose: order.purpose,
        amountFen: order.amountFen,
        toArrearsFen: order.toArrearsFen,
      })
      return true
    } catch (err) {
      this.logger.warn({ orderNo: order.outTradeNo, err }, 'reconciliation: credit failed')
      return false
    }
  }

  /** The order's state after one settle step (REFUNDED when the provider confirms). */
  async confirmRefund(order: PaymentOrderRow): Promise<PaymentOrderRow> {
    try {
      await this.payments.settlement.step(order.id, 0)
    } catch (err) {
      this.logger.warn({ orderNo: order.outTradeNo, err }, 'reconciliation: refund check failed')
    }
    return this.payments.orders.get(order.id)
  }
}
