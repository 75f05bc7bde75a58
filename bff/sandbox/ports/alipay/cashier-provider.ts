import { toShanghaiIso } from '../../clock'
import type { CashierOrder, CashierOrderStatus, CashierProvider } from '../../payments/providers'
import type { Trade, TradeStore } from './trades'

function statusOf(trade: Trade): CashierOrderStatus {
  switch (trade.status) {
    case 'WAIT_BUYER_PAY':
      return 'awaiting_payment'
    case 'TRADE_SUCCESS':
    case 'TRADE_FINISHED':
      return 'paid'
    case 'TRADE_CLOSED':
      return trade.closeReason === 'refunded' ? 'refunded' : 'closed'
  }
}

function orderOf(trade: Trade): CashierOrder {
  return {
    provider: 'alipay',
    outTradeNo: trade.outTradeNo,
    description: trade.subject,
    amountFen: trade.totalFen,
    status: statusOf(trade),
    expiresAt: toShanghaiIso(trade.expiresAt),
  }
}

/** The payer's side of Alipay trades: what `my.tradePay` does on a phone. */
export function alipayCashier(trades: TradeStore): CashierProvider {
  const require = (outTradeNo: string): Trade => trades.require({ out_trade_no: outTradeNo })
  return {
    name: 'alipay',
    find(outTradeNo) {
      const trade = trades.get({ out_trade_no: outTradeNo })
      return trade ? orderOf(trade) : undefined
    },
    pay(outTradeNo) {
      return Promise.resolve(orderOf(trades.pay(require(outTradeNo))))
    },
    // Cancelling in the Alipay app leaves the trade waiting; the merchant closes it or it expires.
    cancel(outTradeNo) {
      return Promise.resolve(orderOf(require(outTradeNo)))
    },
  }
}
