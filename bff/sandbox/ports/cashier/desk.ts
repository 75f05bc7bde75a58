import type { SandboxClock } from '../../clock'
import { SandboxError } from '../../middleware/errors'
import { CashierProviders, type CashierOrder, type CashierProvider } from '../../payments/providers'

export type Settled = 'paid' | 'closed' | 'expired' | 'refunded'

/**
 * The registry of payment providers (ports register theirs in createState) plus what the
 * cashier itself decides: whether an order can still be paid at the sandbox's time.
 */
export class CashierDesk extends CashierProviders {
  constructor(
    readonly clock: SandboxClock,
    /** Developer endpoints (`/sandbox/payments/*`) are off in production mode. */
    readonly devEndpoints: boolean,
  ) {
    super()
  }

  /** Why an order can no longer be paid or cancelled; undefined while it is awaiting payment. */
  settled(order: CashierOrder): Settled | undefined {
    const expired = Date.parse(order.expiresAt) <= this.clock.nowMs()
    switch (order.status) {
      case 'paid':
      case 'refunded':
        return order.status
      case 'closed':
        return expired ? 'expired' : 'closed'
      case 'awaiting_payment':
        return expired ? 'expired' : undefined
    }
  }

  /** Pays or cancels through the order's provider, refusing orders that are settled. */
  async act(
    outTradeNo: string,
    action: 'pay' | 'cancel',
  ): Promise<{ order: CashierOrder; provider: CashierProvider }> {
    const found = this.find(outTradeNo)
    if (!found) throw new SandboxError(404, 'ORDER_NOT_FOUND', '订单不存在')
    const settled = this.settled(found.order)
    if (settled)
      throw new SandboxError(409, `ORDER_${settled.toUpperCase()}`, settledMessages[settled])
    const order = await found.provider[action](outTradeNo)
    return { order, provider: found.provider }
  }
}

export const settledMessages: Record<Settled, string> = {
  paid: '订单已支付',
  closed: '订单已关闭',
  expired: '订单已过期',
  refunded: '订单已退款',
}
