import { z } from 'zod'
import type { ContractOperation } from '../../../contracts/openapi'
import { UpstreamError } from '../../../contracts/common'
import { Transaction } from '../../../contracts/wechatpay'
import { LoginCodeRequest, MessagesQuery, WxacodeQuery } from '../wechat/routes'
import {
  RequestPaymentAnswer,
  RequestPaymentBody,
  SettingsUpdate,
  TradeStateUpdate,
  WechatPaySettings,
} from './dev-schemas'

const SubscribeMessage = z.object({
  msgid: z.number().int(),
  touser: z.string(),
  templateId: z.string(),
  page: z.string().nullable(),
  miniprogramState: z.enum(['developer', 'trial', 'formal']),
  lang: z.string(),
  data: z.record(z.string(), z.object({ value: z.string() })),
  sentAt: z.string(),
})

/** Named in the sandbox's OpenAPI document (GET /sandbox/openapi.json). */
export const wechatDevSchemas = {
  WechatPaySettings,
  RequestPaymentBody,
  RequestPaymentAnswer,
  SubscribeMessage,
}

const invalid = { description: 'Invalid body or parameter', schema: UpstreamError }

/** The WeChat developer endpoints, for the sandbox's own OpenAPI document. */
export const wechatDevOperations: readonly ContractOperation[] = [
  {
    operationId: 'getWechatPaySettings',
    method: 'get',
    path: '/sandbox/wechatpay/settings',
    summary: 'WeChat Pay peer settings: serial mode, refund delay, merchant balance',
    responses: { 200: { description: 'Settings', schema: WechatPaySettings } },
  },
  {
    operationId: 'setWechatPaySettings',
    method: 'post',
    path: '/sandbox/wechatpay/settings',
    summary: 'Change serialMode (platform_certificate | public_key), refundDelayMs, balanceFen',
    description:
      'serialMode picks the key that signs responses and notifications (Wechatpay-Serial). A ' +
      'request may also name either serial in its own Wechatpay-Serial header. Retry speed is ' +
      'POST /sandbox/notifications/speed; refund completion is scaled the same way.',
    body: SettingsUpdate,
    responses: { 200: { description: 'Settings now', schema: WechatPaySettings }, 400: invalid },
  },
  {
    operationId: 'setWechatPayTradeState',
    method: 'post',
    path: '/sandbox/wechatpay/orders/:outTradeNo/trade-state',
    summary: 'Put an unpaid order in USERPAYING or PAYERROR (or back to NOTPAY)',
    params: z.object({ outTradeNo: z.string() }),
    body: TradeStateUpdate,
    responses: {
      200: { description: 'The order as queried', schema: Transaction },
      400: invalid,
      404: { description: 'ORDER_NOT_EXIST', schema: UpstreamError },
    },
  },
  {
    operationId: 'checkRequestPayment',
    method: 'post',
    path: '/sandbox/wechat/request-payment',
    summary: "What wx.requestPayment checks: the BFF's pay parameters and paySign",
    description:
      'paySign must be base64 RSA-SHA256 over `appId\\ntimeStamp\\nnonceStr\\npackage\\n` with ' +
      "the merchant key, package `prepay_id=…` of a payable order. errMsg mirrors wx.requestPayment's.",
    body: RequestPaymentBody,
    responses: {
      200: { description: 'requestPayment:ok', schema: RequestPaymentAnswer },
      400: { description: 'requestPayment:fail …', schema: RequestPaymentAnswer },
    },
  },
  {
    operationId: 'issueLoginCode',
    method: 'post',
    path: '/sandbox/wechat/login-code',
    summary: 'What wx.login returns for a resident: a single-use code, valid 5 minutes',
    description:
      'jscode2session also takes `sandbox-<name>` codes: reusable, and the same name always ' +
      'maps to the same openid. Any other code must come from here and works once.',
    body: LoginCodeRequest,
    responses: {
      200: {
        description: 'Code',
        schema: z.object({ code: z.string(), expiresIn: z.literal(300) }),
      },
      400: invalid,
    },
  },
  {
    operationId: 'listSubscribeMessages',
    method: 'get',
    path: '/sandbox/subscribe-messages',
    summary: 'Subscription messages sent through /cgi-bin/message/subscribe/send',
    query: MessagesQuery,
    responses: {
      200: { description: 'Messages', schema: z.object({ items: z.array(SubscribeMessage) }) },
    },
  },
  {
    operationId: 'wxacodeTarget',
    method: 'get',
    path: '/sandbox/wxacode',
    summary: 'Where a sandbox mini-program code (from /wxa/getwxacodeunlimit) leads',
    query: WxacodeQuery,
    responses: {
      200: {
        description: 'Scene and page',
        schema: z.object({
          scene: z.string(),
          page: z.string().nullable(),
          envVersion: z.string(),
        }),
      },
    },
  },
]
