import { fenToYuanString, yuanStringToFen, type ClientPayParams } from '@gh/shared'
import {
  RefundQueryResponse,
  TradeCloseResponse,
  TradeCreateResponse,
  TradeNotification,
  TradeQueryResponse,
  TradeRefundResponse,
} from '../../../contracts/alipay'
import type { AlipaySdk } from 'alipay-sdk'
import {
  NotificationRejected,
  type PaymentProvider,
  type ProviderEvent,
  type ProviderOrderRequest,
  type ProviderTrade,
  type RefundRequest,
  type RefundStatus,
} from '../payment-providers/payment-providers-port'
import { toShanghaiIso } from '../../platform/time'
import { AlipayBusinessError, type AlipayGatewayClient } from './alipay-gateway-client'

const NOT_FOUND: ProviderTrade = {
  status: 'not_found',
  paidFen: null,
  transactionId: null,
  paidAt: null,
}

const wireTime = (d: Date) => toShanghaiIso(d).slice(0, 19).replace('T', ' ')
const fromWireTime = (t: string) => new Date(`${t.replace(' ', 'T')}+08:00`)
const isNotExist = (err: unknown) =>
  err instanceof AlipayBusinessError && err.subCode === 'ACQ.TRADE_NOT_EXIST'

function trade(
  status: string,
  totalAmount: string,
  tradeNo: string,
  paidAt: string | undefined,
): ProviderTrade {
  const paid = status === 'TRADE_SUCCESS' || status === 'TRADE_FINISHED'
  // A paid trade refunded in full is closed too; only a paid one has a payment time.
  const refunded = status === 'TRADE_CLOSED' && paidAt !== undefined
  return {
    status: paid ? 'paid' : refunded ? 'refunded' : status === 'TRADE_CLOSED' ? 'closed' : 'unpaid',
    paidFen: paid || refunded ? yuanStringToFen(totalAmount) : null,
    transactionId: tradeNo,
    paidAt: (paid || refunded) && paidAt ? fromWireTime(paidAt) : null,
  }
}

/** Alipay mini-program payment (alipay.trade.create + my.tradePay) as the core's provider. */
export class AlipayTradeProvider implements PaymentProvider {
  readonly name = 'alipay' as const

  constructor(
    private readonly gateway: AlipayGatewayClient,
    private readonly sdk: () => Promise<AlipaySdk>,
    /** Where Alipay POSTs notifications: `<public BFF>/api/v1/notify/alipay`. */
    private readonly notifyUrl: string,
  ) {}

  /** Alipay answers a repeated create with the same body with the same trade_no. */
  async createOrder(order: ProviderOrderRequest): Promise<ClientPayParams> {
    const payer = order.payerId ?? ''
    const created = await this.gateway.exec(
      'alipay.trade.create',
      {
        notify_url: this.notifyUrl,
        bizContent: {
          out_trade_no: order.outTradeNo,
          total_amount: fenToYuanString(order.amountFen),
          subject: order.description,
          product_code: 'JSAPI_PAY',
          ...(/^2088\d{12}$/.test(payer) ? { buyer_id: payer } : { buyer_open_id: payer }),
          time_expire: wireTime(order.expiresAt),
        },
      },
      TradeCreateResponse,
      { idempotent: true },
    )
    return { kind: 'alipay', tradeNO: created.trade_no }
  }

  async query(outTradeNo: string): Promise<ProviderTrade> {
    try {
      const t = await this.gateway.exec(
        'alipay.trade.query',
        { bizContent: { out_trade_no: outTradeNo } },
        TradeQueryResponse,
        { idempotent: true },
      )
      return trade(t.trade_status, t.total_amount, t.trade_no, t.send_pay_date)
    } catch (err) {
      if (isNotExist(err)) return NOT_FOUND
      throw err
    }
  }

  async close(outTradeNo: string): Promise<'closed' | 'paid'> {
    try {
      await this.gateway.exec(
        'alipay.trade.close',
        { bizContent: { out_trade_no: outTradeNo } },
        TradeCloseResponse,
        { idempotent: true },
      )
      return 'closed'
    } catch (err) {
      // Never created at Alipay (the payer did not open it): nothing to close.
      if (isNotExist(err)) return 'closed'
      if (err instanceof AlipayBusinessError && err.subCode === 'ACQ.TRADE_STATUS_ERROR') {
        const now = await this.query(outTradeNo)
        return now.status === 'paid' || now.status === 'refunded' ? 'paid' : 'closed'
      }
      throw err
    }
  }

  /** Keyed by out_request_no: a repeat moves no money (fund_change N). Alipay refunds at once. */
  async refund(refund: RefundRequest): Promise<RefundStatus> {
    await this.gateway.exec(
      'alipay.trade.refund',
      {
        bizContent: {
          out_trade_no: refund.outTradeNo,
          refund_amount: fenToYuanString(refund.amountFen),
          refund_reason: refund.reason,
          out_request_no: refund.outRefundNo,
        },
      },
      TradeRefundResponse,
      { idempotent: true },
    )
    return 'success'
  }

  async queryRefund(outTradeNo: string, outRefundNo: string): Promise<RefundStatus | 'not_found'> {
    try {
      const r = await this.gateway.exec(
        'alipay.trade.fastpay.refund.query',
        {
          bizContent: { out_trade_no: outTradeNo, out_request_no: outRefundNo },
        },
        RefundQueryResponse,
        { idempotent: true },
      )
      if (r.refund_amount === undefined) return 'not_found'
      return r.refund_status === 'REFUND_SUCCESS' ? 'success' : 'processing'
    } catch (err) {
      if (isNotExist(err)) return 'not_found'
      throw err
    }
  }

  /**
   * Form fields signed RSA2 over the sorted k=v of all but `sign` and `sign_type`, verified by
   * alipay-sdk over the values as received (not URL-decoded twice).
   */
  async verifyNotification(
    _headers: Record<string, string | undefined>,
    rawBody: Buffer,
  ): Promise<ProviderEvent> {
    const sdk = await this.sdk()
    const fields = Object.fromEntries(new URLSearchParams(rawBody.toString('utf8')))
    if (!verifies(sdk, fields)) throw new NotificationRejected('bad signature')
    const n = TradeNotification.safeParse(fields)
    if (!n.success) throw new NotificationRejected('not a trade notification')
    if (n.data.app_id !== sdk.config.appId) throw new NotificationRejected('another app')
    if (n.data.out_biz_no && n.data.refund_fee) {
      return {
        kind: 'refund',
        outTradeNo: n.data.out_trade_no,
        outRefundNo: n.data.out_biz_no,
        status: 'success',
      }
    }
    const t = trade(n.data.trade_status, n.data.total_amount, n.data.trade_no, n.data.gmt_payment)
    return { kind: 'trade', outTradeNo: n.data.out_trade_no, ...t }
  }
}

function verifies(sdk: AlipaySdk, fields: Record<string, string>): boolean {
  try {
    return sdk.checkNotifySignV2(fields)
  } catch {
    // A malformed signature is a refused notification, not a server error.
    return false
  }
}
