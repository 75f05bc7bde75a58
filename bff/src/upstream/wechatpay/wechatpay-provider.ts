import type { ClientPayParams } from '@gh/shared'
import type { z } from 'zod'
import {
  Notification,
  PrepayResponse,
  Refund,
  RefundResource,
  Transaction,
} from '../../../contracts/wechatpay'
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
import { WechatPayRejected, type WechatPayClient } from './wechatpay-client'
import {
  checkSignature,
  decryptResource,
  nonce,
  paySign,
  type WechatPayKeys,
} from './wechatpay-sdk'

interface WechatPayProviderOptions {
  /** Where WeChat Pay POSTs notifications: `<public BFF>/api/v1/notify/wechatpay`. */
  notifyUrl: string
  /** The sandbox cashier's origin, for the H5 channel; null where there is no cashier. */
  cashierOrigin: string | null
  /** The H5 order page the cashier returns to. */
  h5ReturnUrl: (order: Pick<ProviderOrderRequest, 'outTradeNo' | 'accountNo' | 'purpose'>) => string
  /** JSAPI needs a payer; an H5 cashier payment has none of its own. */
  h5PayerOpenid: string
}

const tradeStatus: Record<z.infer<typeof Transaction>['trade_state'], ProviderTrade['status']> = {
  SUCCESS: 'paid',
  REFUND: 'refunded',
  NOTPAY: 'unpaid',
  USERPAYING: 'unpaid',
  PAYERROR: 'unpaid',
  CLOSED: 'closed',
}

const refundStatus: Record<z.infer<typeof Refund>['status'], RefundStatus> = {
  SUCCESS: 'success',
  PROCESSING: 'processing',
  CLOSED: 'failed',
  ABNORMAL: 'failed',
}

function tradeOf(t: z.infer<typeof Transaction>): ProviderTrade {
  const status = tradeStatus[t.trade_state]
  const paid = status === 'paid' || status === 'refunded'
  return {
    status,
    paidFen: paid ? t.amount.total : null,
    transactionId: t.transaction_id ?? null,
    paidAt: paid && t.success_time ? new Date(t.success_time) : null,
  }
}

const NOT_FOUND: ProviderTrade = {
  status: 'not_found',
  paidFen: null,
  transactionId: null,
  paidAt: null,
}

/** WeChat Pay v3 JSAPI as the payment core's provider, for the weapp and the H5 cashier. */
export class WechatPayProvider implements PaymentProvider {
  readonly name = 'wechatpay' as const

  constructor(
    private readonly client: WechatPayClient,
    private readonly keys: () => Promise<WechatPayKeys>,
    private readonly options: WechatPayProviderOptions,
    private readonly nowS: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  /** The body depends only on the order, so a retried create is the same order to WeChat. */
  async createOrder(order: ProviderOrderRequest): Promise<ClientPayParams> {
    const keys = await this.keys()
    const openid = order.channel === 'h5' ? this.options.h5PayerOpenid : order.payerId
    if (!openid) throw new Error('a JSAPI order needs the payer openid')
    const prepay = await this.client.request({
      operation: 'createJsapiOrder',
      method: 'POST',
      path: '/v3/pay/transactions/jsapi',
      idempotent: true,
      body: {
        appid: keys.appId,
        mchid: keys.mchid,
        description: order.description,
        out_trade_no: order.outTradeNo,
        time_expire: toShanghaiIso(order.expiresAt),
        notify_url: this.options.notifyUrl,
        amount: { total: order.amountFen, currency: 'CNY' },
        payer: { openid },
      },
      response: PrepayResponse,
    })
    if (order.channel === 'h5') return this.cashier(order)
    const pkg = `prepay_id=${prepay?.prepay_id ?? ''}`
    const timeStamp = String(this.nowS())
    const nonceStr = nonce()
    return {
      kind: 'wechat',
      appId: keys.appId,
      timeStamp,
      nonceStr,
      package: pkg,
      signType: 'RSA',
      paySign: paySign(keys, keys.appId, timeStamp, nonceStr, pkg),
    }
  }

  async query(outTradeNo: string): Promise<ProviderTrade> {
    const keys = await this.keys()
    try {
      const t = await this.client.request({
        operation: 'queryByOutTradeNo',
        method: 'GET',
        path: `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${keys.mchid}`,
        idempotent: true,
        response: Transaction,
      })
      return t ? tradeOf(t) : NOT_FOUND
    } catch (err) {
      if (err instanceof WechatPayRejected && err.code === 'ORDER_NOT_EXIST') return NOT_FOUND
      throw err
    }
  }

  async close(outTradeNo: string): Promise<'closed' | 'paid'> {
    const keys = await this.keys()
    try {
      await this.client.request({
        operation: 'closeOrder',
        method: 'POST',
        path: `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`,
        idempotent: true,
        body: { mchid: keys.mchid },
      })
      return 'closed'
    } catch (err) {
      if (err instanceof WechatPayRejected && err.code === 'ORDERPAID') return 'paid'
      if (err instanceof WechatPayRejected && err.code === 'ORDER_NOT_EXIST') return 'closed'
      throw err
    }
  }

  async refund(refund: RefundRequest): Promise<RefundStatus> {
    const answer = await this.client.request({
      operation: 'createRefund',
      method: 'POST',
      path: '/v3/refund/domestic/refunds',
      idempotent: true,
      body: {
        out_trade_no: refund.outTradeNo,
        out_refund_no: refund.outRefundNo,
        reason: refund.reason,
        notify_url: this.options.notifyUrl,
        amount: { refund: refund.amountFen, total: refund.totalFen, currency: 'CNY' },
      },
      response: Refund,
    })
    return answer ? refundStatus[answer.status] : 'processing'
  }

  async queryRefund(_outTradeNo: string, outRefundNo: string): Promise<RefundStatus | 'not_found'> {
    try {
      const answer = await this.client.request({
        operation: 'queryRefund',
        method: 'GET',
        path: `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`,
        idempotent: true,
        response: Refund,
      })
      return answer ? refundStatus[answer.status] : 'not_found'
    } catch (err) {
      if (err instanceof WechatPayRejected && err.code === 'RESOURCE_NOT_EXISTS') return 'not_found'
      throw err
    }
  }

  async verifyNotification(
    headers: Record<string, string | undefined>,
    rawBody: Buffer,
  ): Promise<ProviderEvent> {
    const keys = await this.keys()
    const lower: Record<string, string | undefined> = {}
    for (const [k, v] of Object.entries(headers)) lower[k.toLowerCase()] = v
    const check = checkSignature(keys, lower, rawBody.toString('utf8'), this.nowS())
    if (!check.ok) throw new NotificationRejected(check.reason)
    const envelope = Notification.safeParse(parseJson(rawBody.toString('utf8')))
    if (!envelope.success) throw new NotificationRejected('not a notification')
    let plain: string
    try {
      plain = decryptResource(keys.apiV3Key, envelope.data.resource)
    } catch {
      throw new NotificationRejected('resource does not decrypt')
    }
    if (envelope.data.event_type === 'REFUND.SUCCESS') {
      const r = RefundResource.safeParse(parseJson(plain))
      if (!r.success) throw new NotificationRejected('refund resource off contract')
      return {
        kind: 'refund',
        outTradeNo: r.data.out_trade_no,
        outRefundNo: r.data.out_refund_no,
        status: refundStatus[r.data.refund_status],
      }
    }
    const t = Transaction.safeParse(parseJson(plain))
    if (!t.success) throw new NotificationRejected('transaction off contract')
    return { kind: 'trade', outTradeNo: t.data.out_trade_no, ...tradeOf(t.data) }
  }

  private cashier(order: ProviderOrderRequest): ClientPayParams {
    if (!this.options.cashierOrigin) throw new Error('no H5 cashier is configured')
    const path = `/cashier/${encodeURIComponent(order.outTradeNo)}`
    const url = new URL(path, this.options.cashierOrigin)
    url.searchParams.set('return', this.options.h5ReturnUrl(order))
    return { kind: 'h5', cashierUrl: url.toString() }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
