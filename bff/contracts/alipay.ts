import { z } from 'zod'

/**
 * The slice of the Alipay open platform (OpenAPI 2.0 gateway, `gateway.do`) this product uses:
 * mini-program payment (`alipay.trade.create` + `my.tradePay`), query, close, refund, refund
 * query, the trade bill, and the login code exchange. Shared by the sandbox (which enforces it)
 * and the BFF's adapter (which sends it through alipay-sdk). Field names are Alipay's own.
 *
 * Not an OpenAPI document: the gateway takes form-encoded parameters and answers signed
 * `{ "<method>_response": {...}, "sign": "..." }` bodies, which OpenAPI cannot describe usefully.
 */

/** Yuan with at most two decimals, as Alipay sends and accepts amounts ('12.30'). */
export const YuanAmount = z.string().regex(/^(0|[1-9]\d*)(\.\d{1,2})?$/)

/** `yyyy-MM-dd HH:mm:ss`, Beijing time. */
export const AlipayWireTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)

export const AlipayTradeStatus = z.enum([
  'WAIT_BUYER_PAY',
  'TRADE_CLOSED',
  'TRADE_SUCCESS',
  'TRADE_FINISHED',
])
export type AlipayTradeStatus = z.infer<typeof AlipayTradeStatus>

export const OutTradeNo = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/)
  .describe('merchant order number: letters, digits, _ and -, at most 64')

/** A trade is found by Alipay's number when given, else by the merchant's. */
export const TradeRef = z
  .object({ out_trade_no: OutTradeNo.optional(), trade_no: z.string().min(16).max(64).optional() })
  .refine((v) => v.out_trade_no !== undefined || v.trade_no !== undefined, {
    message: 'out_trade_no or trade_no is required',
  })

export const TradeCreateBiz = z.object({
  out_trade_no: OutTradeNo,
  total_amount: YuanAmount,
  subject: z.string().min(1).max(256),
  body: z.string().max(128).optional(),
  product_code: z.string().max(64).optional().describe('JSAPI_PAY for mini-programs'),
  buyer_id: z
    .string()
    .regex(/^2088\d{12}$/)
    .optional(),
  buyer_open_id: z.string().min(1).max(128).optional(),
  time_expire: AlipayWireTime.optional(),
  timeout_express: z.string().max(6).optional().describe('1m–15d, e.g. 30m; 1c = end of today'),
})
export type TradeCreateBiz = z.infer<typeof TradeCreateBiz>

export const TradeQueryBiz = TradeRef
export const TradeCloseBiz = TradeRef

export const TradeRefundBiz = z
  .object({
    out_trade_no: OutTradeNo.optional(),
    trade_no: z.string().min(16).max(64).optional(),
    refund_amount: YuanAmount,
    refund_reason: z.string().max(256).optional(),
    out_request_no: z.string().min(1).max(64).optional(),
  })
  .refine((v) => v.out_trade_no !== undefined || v.trade_no !== undefined, {
    message: 'out_trade_no or trade_no is required',
  })
export type TradeRefundBiz = z.infer<typeof TradeRefundBiz>

export const RefundQueryBiz = z
  .object({
    out_trade_no: OutTradeNo.optional(),
    trade_no: z.string().min(16).max(64).optional(),
    out_request_no: z.string().min(1).max(64),
    query_options: z.array(z.string()).optional(),
  })
  .refine((v) => v.out_trade_no !== undefined || v.trade_no !== undefined, {
    message: 'out_trade_no or trade_no is required',
  })

export const BillQueryBiz = z.object({
  bill_type: z.literal('trade').describe('the trade bill; the account bill is not simulated'),
  bill_date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
})

/** Login: top-level parameters, not biz_content. */
export const OAuthTokenParams = z.discriminatedUnion('grant_type', [
  z.object({ grant_type: z.literal('authorization_code'), code: z.string().min(1).max(64) }),
  z.object({ grant_type: z.literal('refresh_token'), refresh_token: z.string().min(1) }),
])

const ok = { code: z.literal('10000'), msg: z.literal('Success') }

/**
 * `alipay.open.app.mini.templatemessage.send`: a mini-program subscription message (订阅消息)
 * to a user who agreed to the template in `my.requestSubscribeMessage`. The user is named by
 * `to_open_id` (apps created since 2023) or the `2088…` `to_user_id`; `data` is a JSON text of
 * `{ "keyword1": { "value": "…" }, … }`.
 */
export const TemplateMessageSendBiz = z
  .object({
    to_user_id: z
      .string()
      .regex(/^2088\d{12}$/)
      .optional(),
    to_open_id: z.string().min(1).max(64).optional(),
    user_template_id: z.string().min(1).max(128),
    page: z.string().max(512).optional(),
    data: z.string().min(2),
    form_id: z.string().optional(),
  })
  .refine((v) => v.to_user_id !== undefined || v.to_open_id !== undefined, {
    message: 'to_user_id or to_open_id is required',
  })
export type TemplateMessageSendBiz = z.infer<typeof TemplateMessageSendBiz>

export const TemplateMessageData = z.record(z.string(), z.object({ value: z.string() }))

export const AlipayErrorPayload = z.object({
  code: z.enum(['20000', '40001', '40002', '40004']),
  msg: z.string(),
  sub_code: z.string(),
  sub_msg: z.string(),
})

export const TradeCreateResponse = z.object({
  ...ok,
  out_trade_no: OutTradeNo,
  trade_no: z.string(),
})

export const TradeQueryResponse = z.object({
  ...ok,
  trade_no: z.string(),
  out_trade_no: OutTradeNo,
  trade_status: AlipayTradeStatus,
  total_amount: YuanAmount,
  buyer_pay_amount: YuanAmount.optional(),
  receipt_amount: YuanAmount.optional(),
  send_pay_date: AlipayWireTime.optional(),
  buyer_logon_id: z.string().optional(),
  buyer_user_id: z.string().optional(),
  buyer_open_id: z.string().optional(),
  subject: z.string(),
})

export const TradeCloseResponse = z.object({
  ...ok,
  trade_no: z.string(),
  out_trade_no: OutTradeNo,
})

export const TradeRefundResponse = z.object({
  ...ok,
  trade_no: z.string(),
  out_trade_no: OutTradeNo,
  buyer_logon_id: z.string(),
  fund_change: z.enum(['Y', 'N']).describe('N: this request moved no money (a repeat)'),
  refund_fee: YuanAmount.describe('refunded so far on this trade, this request included'),
  gmt_refund_pay: AlipayWireTime,
})

export const RefundQueryResponse = z.object({
  ...ok,
  trade_no: z.string(),
  out_trade_no: OutTradeNo,
  out_request_no: z.string(),
  total_amount: YuanAmount.optional(),
  refund_amount: YuanAmount.optional().describe('absent: no such refund'),
  refund_status: z.literal('REFUND_SUCCESS').optional(),
  gmt_refund_pay: AlipayWireTime.optional(),
})

export const BillUrlResponse = z.object({ ...ok, bill_download_url: z.url() })

export const OAuthTokenResponse = z.object({
  user_id: z.string().regex(/^2088\d{12}$/),
  open_id: z.string(),
  access_token: z.string(),
  expires_in: z.number().int(),
  refresh_token: z.string(),
  re_expires_in: z.number().int(),
  auth_start: AlipayWireTime,
})

/** Form fields of a `trade_status_sync` notification (values as sent; amounts in yuan). */
export const TradeNotification = z.object({
  notify_time: AlipayWireTime,
  notify_type: z.literal('trade_status_sync'),
  notify_id: z.string(),
  app_id: z.string(),
  auth_app_id: z.string(),
  charset: z.literal('utf-8'),
  version: z.literal('1.0'),
  sign_type: z.literal('RSA2'),
  sign: z.string(),
  trade_no: z.string(),
  out_trade_no: OutTradeNo,
  trade_status: AlipayTradeStatus,
  total_amount: YuanAmount,
  receipt_amount: YuanAmount.optional(),
  buyer_pay_amount: YuanAmount.optional(),
  subject: z.string(),
  seller_id: z.string(),
  buyer_id: z.string().optional(),
  buyer_open_id: z.string().optional(),
  gmt_create: AlipayWireTime,
  gmt_payment: AlipayWireTime.optional(),
  gmt_close: AlipayWireTime.optional(),
  out_biz_no: z.string().optional().describe('refunds: the out_request_no'),
  refund_fee: YuanAmount.optional().describe('refunds: total refunded so far'),
  gmt_refund: z.string().optional(),
})
export type TradeNotification = z.infer<typeof TradeNotification>
