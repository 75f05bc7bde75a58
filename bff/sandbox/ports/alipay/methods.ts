import { DomainError, fenToYuanString, yuanStringToFen } from '@gh/shared'
import type { z } from 'zod'
import {
  BillQueryBiz,
  OAuthTokenParams,
  RefundQueryBiz,
  TemplateMessageSendBiz,
  TradeCloseBiz,
  TradeCreateBiz,
  TradeQueryBiz,
  TradeRefundBiz,
} from '../../../contracts/alipay'
import { business, invalid, invalidParameter, missing } from './errors'
import { buyerLogonId } from './notify'
import type { AlipayState } from './state'
import { alipayTime } from './time'
import type { Trade } from './trades'

export interface GatewayCall {
  /** Every request parameter, decoded. */
  readonly params: Readonly<Record<string, string>>
  /** `http://host:port` the caller used, for links back to the sandbox. */
  readonly origin: string
}

type Payload = Record<string, string | number>
type Method = (call: GatewayCall, state: AlipayState) => Payload

const success = { code: '10000', msg: 'Success' } as const

function biz<T>(schema: z.ZodType<T>, call: GatewayCall): T {
  let input: unknown = {}
  const text = call.params.biz_content
  if (text !== undefined) {
    try {
      input = JSON.parse(text)
    } catch {
      throw invalid('parameter', 'biz_content 不是合法的 JSON')
    }
  }
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  throw invalidParameter(
    `参数无效：${issue?.path.join('.') || 'biz_content'} ${issue?.message ?? ''}`,
  )
}

function fenOf(yuan: string): number {
  try {
    return yuanStringToFen(yuan)
  } catch (err) {
    if (err instanceof DomainError) throw invalidParameter('金额格式错误')
    throw err
  }
}

function buyerFields(trade: Trade): Payload {
  const out: Payload = {}
  if (trade.buyerId) out.buyer_user_id = trade.buyerId
  if (trade.buyerOpenId) out.buyer_open_id = trade.buyerOpenId
  return out
}

const create: Method = (call, state) => {
  const input = biz(TradeCreateBiz, call)
  const trade = state.trades.create(input, fenOf(input.total_amount), call.params.notify_url)
  return { ...success, out_trade_no: trade.outTradeNo, trade_no: trade.tradeNo }
}

const query: Method = (call, state) => {
  const ref = biz(TradeQueryBiz, call)
  const trade = state.trades.get(ref)
  if (!trade) {
    throw business('ACQ.TRADE_NOT_EXIST', '交易不存在', {
      ...(ref.out_trade_no ? { out_trade_no: ref.out_trade_no } : {}),
      buyer_pay_amount: '0.00',
      invoice_amount: '0.00',
      point_amount: '0.00',
      receipt_amount: '0.00',
    })
  }
  const total = fenToYuanString(trade.totalFen)
  const paid: Payload =
    trade.paidAt === undefined
      ? {}
      : {
          buyer_pay_amount: total,
          receipt_amount: total,
          send_pay_date: alipayTime(trade.paidAt),
          buyer_logon_id: buyerLogonId(trade),
        }
  return {
    ...success,
    trade_no: trade.tradeNo,
    out_trade_no: trade.outTradeNo,
    trade_status: trade.status,
    total_amount: total,
    subject: trade.subject,
    ...paid,
    ...buyerFields(trade),
  }
}

const close: Method = (call, state) => {
  const trade = state.trades.close(biz(TradeCloseBiz, call), call.params.notify_url)
  return { ...success, trade_no: trade.tradeNo, out_trade_no: trade.outTradeNo }
}

const refund: Method = (call, state) => {
  const input = biz(TradeRefundBiz, call)
  const trade = state.trades.require(input)
  const amountFen = fenOf(input.refund_amount)
  const result = state.trades.refund(trade, amountFen, input.out_request_no, input.refund_reason)
  return {
    ...success,
    trade_no: trade.tradeNo,
    out_trade_no: trade.outTradeNo,
    buyer_logon_id: buyerLogonId(trade),
    fund_change: result.fundChange ? 'Y' : 'N',
    refund_fee: fenToYuanString(state.trades.refundedFen(trade)),
    gmt_refund_pay: alipayTime(result.refund.at),
    ...buyerFields(trade),
  }
}

const refundQuery: Method = (call, state) => {
  const input = biz(RefundQueryBiz, call)
  const trade = state.trades.require(input)
  const found = trade.refunds.find((r) => r.outRequestNo === input.out_request_no)
  const base = {
    ...success,
    trade_no: trade.tradeNo,
    out_trade_no: trade.outTradeNo,
    out_request_no: input.out_request_no,
  }
  // No such refund: Alipay answers success with no refund fields.
  if (!found) return base
  return {
    ...base,
    total_amount: fenToYuanString(trade.totalFen),
    refund_amount: fenToYuanString(found.amountFen),
    refund_status: 'REFUND_SUCCESS',
    gmt_refund_pay: alipayTime(found.at),
  }
}

const billUrl: Method = (call, state) => {
  const input = biz(BillQueryBiz, call)
  const token = state.bills.prepare(input.bill_date)
  return {
    ...success,
    bill_download_url: `${call.origin}/alipay/bills/${token}?fileType=csv.zip`,
  }
}

const oauthToken: Method = (call, state) => {
  const parsed = OAuthTokenParams.safeParse(call.params)
  if (!parsed.success) {
    if (call.params.grant_type === 'authorization_code') {
      throw missing('code', '缺少授权码 code', true)
    }
    throw invalid('grant-type', 'grant_type 无效', true)
  }
  return parsed.data.grant_type === 'authorization_code'
    ? state.users.exchangeCode(parsed.data.code)
    : state.users.refresh(parsed.data.refresh_token)
}

const templateMessageSend: Method = (call, state) => {
  state.templateMessages.send(biz(TemplateMessageSendBiz, call))
  return { ...success }
}

export const gatewayMethods: Readonly<Record<string, Method>> = {
  'alipay.trade.create': create,
  'alipay.trade.query': query,
  'alipay.trade.close': close,
  'alipay.trade.refund': refund,
  'alipay.trade.fastpay.refund.query': refundQuery,
  'alipay.data.dataservice.bill.downloadurl.query': billUrl,
  'alipay.system.oauth.token': oauthToken,
  'alipay.open.app.mini.templatemessage.send': templateMessageSend,
}
