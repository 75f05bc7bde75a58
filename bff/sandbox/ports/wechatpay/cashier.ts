import { toShanghaiIso } from '../../clock'
import { SandboxError } from '../../middleware/errors'
import type { CashierOrder, CashierProvider } from '../../payments/providers'
import type { PayOrder } from './orders'
import type { WechatPay } from './service'

function statusOf(order: PayOrder): CashierOrder['status'] {
  switch (order.state) {
    case 'SUCCESS':
      return 'paid'
    case 'REFUND':
      return 'refunded'
    case 'CLOSED':
      return 'closed'
    default:
      return 'awaiting_payment'
  }
}

/** The payer's side of a WeChat Pay order, for the cashier page and /sandbox/payments. */
export class WechatPayCashier implements CashierProvider {
  readonly name = 'wechatpay' as const

  constructor(private readonly wechatpay: WechatPay) {}

  find(outTradeNo: string): CashierOrder | undefined {
    const order = this.wechatpay.orders.get(outTradeNo)
    if (!order) return undefined
    return {
      provider: 'wechatpay',
      outTradeNo,
      description: order.request.description,
      amountFen: order.request.amount.total,
      status: statusOf(order),
      expiresAt: toShanghaiIso(order.expiresAtMs),
    }
  }

  async pay(outTradeNo: string): Promise<CashierOrder> {
    const order = this.require(outTradeNo)
    if (order.status === 'closed')
      throw new SandboxError(409, 'ORDER_CLOSED', '订单已关闭，无法支付')
    this.wechatpay.pay(outTradeNo)
    return this.require(outTradeNo)
  }

  /** Like closing the payment sheet on a phone: nothing changes, the order stays payable. */
  async cancel(outTradeNo: string): Promise<CashierOrder> {
    return this.require(outTradeNo)
  }

  private require(outTradeNo: string): CashierOrder {
    const order = this.find(outTradeNo)
    if (!order) throw new SandboxError(404, 'ORDER_NOT_FOUND', '订单不存在')
    return order
  }
}
