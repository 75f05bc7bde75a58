/**
 * What the cashier page (and the developer endpoints `/sandbox/payments/:outTradeNo/pay|cancel`)
 * needs from a payment provider peer. WeChat Pay and Alipay each implement it over their own
 * order store; the cashier looks an order up in every registered provider.
 */
export type CashierOrderStatus = 'awaiting_payment' | 'paid' | 'closed' | 'refunded'

export interface CashierOrder {
  provider: 'wechatpay' | 'alipay'
  outTradeNo: string
  description: string
  amountFen: number
  status: CashierOrderStatus
  /** ISO-8601 with offset. */
  expiresAt: string
}

export interface CashierProvider {
  readonly name: CashierOrder['provider']
  find(outTradeNo: string): CashierOrder | undefined
  /** The payer confirms: the order becomes paid and the provider's notification is scheduled. */
  pay(outTradeNo: string): Promise<CashierOrder>
  /** The payer cancels: the order stays unpaid (closable by the merchant), as on a real phone. */
  cancel(outTradeNo: string): Promise<CashierOrder>
}

export class CashierProviders {
  private readonly providers: CashierProvider[] = []

  register(provider: CashierProvider): void {
    this.providers.push(provider)
  }

  find(outTradeNo: string): { provider: CashierProvider; order: CashierOrder } | undefined {
    for (const provider of this.providers) {
      const order = provider.find(outTradeNo)
      if (order) return { provider, order }
    }
    return undefined
  }
}
