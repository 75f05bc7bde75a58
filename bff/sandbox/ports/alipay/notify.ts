import { fenToYuanString } from '@gh/shared'
import type { NotificationPolicy, OutgoingNotification } from '../wechatpay/notify/dispatcher'
import type { Random } from '../../random'
import { notifySignContent, rsa2Sign } from './signing'
import { alipayTime } from './time'
import type { Trade, TradeEvent } from './trades'

/**
 * Alipay retries at 4m, 10m, 10m, 1h, 2h, 6h, 15h (8 attempts over about 25 hours) until the
 * receiver answers exactly the seven characters `success`.
 */
export const alipayNotifyPolicy: NotificationPolicy = {
  provider: 'alipay',
  retryDelaysMs: [4, 10, 10, 60, 120, 360, 900].map((minutes) => minutes * 60_000),
  responseTimeoutMs: 5_000,
  headers: () => ({ 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }),
  accepted: (status, body) => status === 200 && body === 'success',
}

export interface NotifyContext {
  readonly appId: string
  readonly pid: string
  readonly alipayPrivateKey: string
  readonly random: Random
  readonly nowMs: number
}

/** The masked account name Alipay shows merchants (`138****1234`), stable per buyer. */
export function buyerLogonId(trade: Trade): string {
  const id = trade.buyerId ?? trade.buyerOpenId ?? '0000'
  return `1${'3578'[id.charCodeAt(id.length - 5) % 4]}${id.length % 10}****${id.slice(-4)}`
}

function tradeFields(trade: Trade, ctx: NotifyContext): Record<string, string> {
  const total = fenToYuanString(trade.totalFen)
  const fields: Record<string, string> = {
    notify_time: alipayTime(ctx.nowMs),
    notify_type: 'trade_status_sync',
    notify_id: `${alipayTime(ctx.nowMs).replace(/\D/g, '')}0022${ctx.random.digits(20)}`,
    app_id: ctx.appId,
    auth_app_id: ctx.appId,
    charset: 'utf-8',
    version: '1.0',
    sign_type: 'RSA2',
    trade_no: trade.tradeNo,
    out_trade_no: trade.outTradeNo,
    trade_status: trade.status,
    total_amount: total,
    subject: trade.subject,
    seller_id: ctx.pid,
    buyer_logon_id: buyerLogonId(trade),
    gmt_create: alipayTime(trade.createdAt),
  }
  if (trade.body) fields.body = trade.body
  if (trade.buyerId) fields.buyer_id = trade.buyerId
  if (trade.buyerOpenId) fields.buyer_open_id = trade.buyerOpenId
  if (trade.paidAt !== undefined) {
    fields.gmt_payment = alipayTime(trade.paidAt)
    fields.receipt_amount = total
    fields.buyer_pay_amount = total
    fields.invoice_amount = total
    fields.point_amount = '0.00'
    fields.fund_bill_list = JSON.stringify([{ amount: total, fundChannel: 'ALIPAYACCOUNT' }])
  }
  if (trade.closedAt !== undefined) fields.gmt_close = alipayTime(trade.closedAt)
  return fields
}

/** The `trade_status_sync` form of an event, or undefined when the trade has no notify URL. */
export function alipayNotification(
  event: Exclude<TradeEvent, { kind: 'created' }>,
  ctx: NotifyContext,
): OutgoingNotification | undefined {
  const url =
    event.kind === 'closed' ? (event.notifyUrl ?? event.trade.notifyUrl) : event.trade.notifyUrl
  if (!url) return undefined
  const params = tradeFields(event.trade, ctx)
  let name = event.trade.status as string
  if (event.kind === 'refunded') {
    const refunded = event.trade.refunds.reduce((sum, r) => sum + r.amountFen, 0)
    params.out_biz_no = event.refund.outRequestNo
    params.refund_fee = fenToYuanString(refunded)
    params.gmt_refund = `${alipayTime(event.refund.at)}.${String(event.refund.at % 1000).padStart(3, '0')}`
    name = `${name}/REFUND`
  }
  params.sign = rsa2Sign(notifySignContent(params), ctx.alipayPrivateKey)
  // Retries repeat this very form (same notify_id), as Alipay's do.
  return {
    id: params.notify_id ?? '',
    kind: name,
    key: event.trade.outTradeNo,
    url,
    body: new URLSearchParams(params).toString(),
  }
}
