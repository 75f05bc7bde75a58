import type { Logger } from '../platform/logger'
import type { OrderRepository } from './order-repository'
import type { PaymentOrderRow } from './order-entity'
import { AWAITING_PAYMENT } from './order-state'
import { backoff, done, type Next } from './payment-jobs'
import type { PaymentIntake } from './payment-intake'
import type { PaymentSettings } from './payment-settings'
import type { ProviderTrade } from '../upstream/payment-providers/payment-providers-port'
import type { PaymentPorts } from './ports'

/**
 * The watch job's step: while an order waits for payment and no notification has come, ask the
 * provider; once time_expire has passed and it is still unpaid, close it at the provider first
 * (so it can no longer be paid), then here.
 */
export class PaymentWatch {
  constructor(
    private readonly orders: OrderRepository,
    private readonly intake: PaymentIntake,
    private readonly ports: PaymentPorts,
    private readonly settings: PaymentSettings,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  readonly step = async (orderId: string, tries: number): Promise<Next> => {
    const order = await this.orders.find(orderId)
    if (!order || !AWAITING_PAYMENT.includes(order.state)) return done
    try {
      return await this.check(order, tries)
    } catch (err) {
      this.logger.warn({ orderNo: order.outTradeNo, err }, 'payment query failed')
      return { retryInMs: backoff(tries, this.settings.retryBaseMs, this.settings.retryMaxMs) }
    }
  }

  private async check(order: PaymentOrderRow, tries: number): Promise<Next> {
    const trade = await this.ports.providers[order.provider].query(order.outTradeNo)
    if (trade.status === 'paid' || trade.status === 'closed' || trade.status === 'refunded') {
      await this.intake.applyTrade(order, trade, 'query')
      return done
    }
    const untilExpiry = order.expiresAt.getTime() - this.now().getTime()
    if (untilExpiry > 0) return { retryInMs: Math.min(this.delayAfter(tries), untilExpiry) }
    return this.closeExpired(order, trade)
  }

  private async closeExpired(order: PaymentOrderRow, trade: ProviderTrade): Promise<Next> {
    const provider = this.ports.providers[order.provider]
    if (trade.status === 'unpaid' && (await provider.close(order.outTradeNo)) === 'paid') {
      await this.intake.applyTrade(order, await provider.query(order.outTradeNo), 'query')
      return done
    }
    await this.orders.advance(order.id, 'CLOSED', 'expired')
    return done
  }

  private delayAfter(tries: number): number {
    const delays = this.settings.pollDelaysMs
    return delays[Math.min(tries + 1, delays.length - 1)] ?? 60_000
  }
}
