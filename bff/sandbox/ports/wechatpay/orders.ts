import type { JsapiOrderRequest, TradeState, Transaction } from '../../../contracts/wechatpay'
import { toShanghaiIso, type SandboxClock } from '../../clock'
import { orderNotExist, payError } from './errors'
import type { PayIds } from './ids'

const DEFAULT_EXPIRY_MS = 2 * 60 * 60 * 1000

export interface PayOrder {
  readonly request: JsapiOrderRequest
  readonly fingerprint: string
  readonly prepayId: string
  readonly createdAtMs: number
  readonly expiresAtMs: number
  state: TradeState
  transactionId?: string
  successAtMs?: number
  /** Refunds requested so far (processing or done), in fen. */
  refundedFen: number
}

const STATE_DESC: Record<TradeState, string> = {
  SUCCESS: '支付成功',
  REFUND: '转入退款',
  NOTPAY: '订单未支付',
  CLOSED: '订单已关闭',
  USERPAYING: '用户支付中，需要输入密码',
  PAYERROR: '支付失败，请重新下单支付',
}

/** Key order does not matter to WeChat when comparing a repeated order request. */
function fingerprint(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(fingerprint).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${fingerprint(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** JSAPI orders by out_trade_no, with WeChat's rules for repeats, expiry and closing. */
export class PayOrders {
  private readonly orders = new Map<string, PayOrder>()

  constructor(
    private readonly clock: SandboxClock,
    private readonly ids: PayIds,
  ) {}

  create(request: JsapiOrderRequest): PayOrder {
    const now = this.clock.nowMs()
    const print = fingerprint(request)
    const existing = this.get(request.out_trade_no)
    if (existing) {
      if (existing.fingerprint !== print)
        throw payError(400, 'INVALID_REQUEST', '201 商户订单号重复')
      this.assertPayable(existing)
      return existing
    }
    const expiresAtMs = request.time_expire
      ? new Date(request.time_expire).getTime()
      : now + DEFAULT_EXPIRY_MS
    if (expiresAtMs <= now) {
      throw payError(400, 'PARAM_ERROR', 'time_expire 已过期，请设置为当前时间之后', {
        location: 'body',
        field: 'time_expire',
      })
    }
    const order: PayOrder = {
      request,
      fingerprint: print,
      prepayId: this.ids.prepayId(now),
      createdAtMs: now,
      expiresAtMs,
      state: 'NOTPAY',
      refundedFen: 0,
    }
    this.orders.set(request.out_trade_no, order)
    return order
  }

  /** The order as of sandbox now: an unpaid order past time_expire is closed. */
  get(outTradeNo: string): PayOrder | undefined {
    const order = this.orders.get(outTradeNo)
    if (order && (order.state === 'NOTPAY' || order.state === 'USERPAYING')) {
      if (this.clock.nowMs() >= order.expiresAtMs) order.state = 'CLOSED'
    }
    return order
  }

  require(outTradeNo: string): PayOrder {
    const order = this.get(outTradeNo)
    if (!order) throw orderNotExist()
    return order
  }

  byTransactionId(transactionId: string): PayOrder | undefined {
    for (const order of this.orders.values()) {
      if (order.transactionId === transactionId) return order
    }
    return undefined
  }

  byPrepayId(prepayId: string): PayOrder | undefined {
    for (const order of this.orders.values()) {
      if (order.prepayId === prepayId) return this.get(order.request.out_trade_no)
    }
    return undefined
  }

  all(): PayOrder[] {
    return [...this.orders.keys()].map((no) => this.require(no))
  }

  assertPayable(order: PayOrder): void {
    if (order.state === 'SUCCESS' || order.state === 'REFUND') {
      throw payError(400, 'ORDERPAID', '该订单已支付')
    }
    if (order.state === 'CLOSED')
      throw payError(400, 'ORDER_CLOSED', '订单已关闭，请使用新的商户订单号下单')
  }

  close(outTradeNo: string): void {
    const order = this.require(outTradeNo)
    if (order.state === 'SUCCESS' || order.state === 'REFUND') {
      throw payError(400, 'ORDERPAID', '订单已支付，不能关闭')
    }
    order.state = 'CLOSED'
  }

  /** The payer confirmed: true when this call paid it, false when it was already paid. */
  pay(outTradeNo: string): boolean {
    const order = this.require(outTradeNo)
    if (order.state === 'SUCCESS' || order.state === 'REFUND') return false
    this.assertPayable(order)
    const now = this.clock.nowMs()
    order.state = 'SUCCESS'
    order.successAtMs = now
    order.transactionId = this.ids.transactionId(now)
    return true
  }

  /** What the query endpoints (and TRANSACTION.SUCCESS) say about an order. */
  view(order: PayOrder): Transaction {
    const { request } = order
    const paid = order.transactionId !== undefined && order.successAtMs !== undefined
    return {
      appid: request.appid,
      mchid: request.mchid,
      out_trade_no: request.out_trade_no,
      ...(paid ? { transaction_id: order.transactionId } : {}),
      ...(paid ? { trade_type: 'JSAPI' as const, bank_type: 'OTHERS' } : {}),
      trade_state: order.state,
      trade_state_desc: STATE_DESC[order.state],
      attach: request.attach ?? '',
      ...(paid ? { success_time: toShanghaiIso(order.successAtMs ?? 0) } : {}),
      payer: paid ? { openid: request.payer.openid } : {},
      amount: {
        total: request.amount.total,
        ...(paid ? { payer_total: request.amount.total } : {}),
        currency: 'CNY',
        payer_currency: 'CNY',
      },
      promotion_detail: [],
    }
  }
}
