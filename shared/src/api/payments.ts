import { z } from 'zod'
import { defineRoute, type RouteSpec } from './route'
import { AccountNo, AccountParams, Fen, IsoDateTime } from './common'

/**
 * Top-ups (recharges) and bill payments: one payment order each, keyed by our out_trade_no
 * (`orderNo`), moving through the states below. The timeline is what the resident reads.
 */

export const OrderState = z.enum([
  'CREATED',
  'PAYING',
  'PAID',
  'CREDITING',
  'CREDITED',
  'AWAITING_CARD_WRITE',
  'CARD_WRITTEN',
  'CLOSED',
  'CREDIT_FAILED',
  'REFUNDING',
  'REFUNDED',
])
export type OrderState = z.infer<typeof OrderState>

export const PaymentChannel = z
  .enum(['wechat', 'alipay', 'h5'])
  .describe('wechat: requestPayment in WeChat; alipay: tradePay in Alipay; h5: the cashier page')
export type PaymentChannel = z.infer<typeof PaymentChannel>

/** Our out_trade_no: safe for WeChat Pay (≤32) and Alipay (≤64). Lenient on input, 404 if unknown. */
export const OrderNo = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, { message: '订单号格式不正确' })

/** What the mini-program passes to `wx.requestPayment`, `my.tradePay`, or opens (H5). */
export const ClientPayParams = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('wechat'),
    appId: z.string(),
    timeStamp: z.string(),
    nonceStr: z.string(),
    package: z.string(),
    signType: z.literal('RSA'),
    paySign: z.string(),
  }),
  z.object({ kind: z.literal('alipay'), tradeNO: z.string() }),
  z.object({ kind: z.literal('h5'), cashierUrl: z.url() }),
])
export type ClientPayParams = z.infer<typeof ClientPayParams>

export const TimelineStep = z.object({
  state: OrderState,
  /** 已支付, 已发往气表, 气表已到账, 待写卡, 已写卡, 退款中, 已退款 … */
  label: z.string(),
  /** When the step was reached; null for a step still ahead. */
  at: IsoDateTime.nullable(),
  done: z.boolean(),
})
export type TimelineStep = z.infer<typeof TimelineStep>

export const PaymentOrder = z.object({
  orderNo: OrderNo,
  accountNo: AccountNo,
  purpose: z.enum(['recharge', 'bill']),
  channel: PaymentChannel,
  amountFen: Fen,
  /** The part that settled what the account owed. */
  toArrearsFen: Fen,
  state: OrderState,
  stateLabel: z.string(),
  /** What the resident can do or expect now, in Chinese; null when nothing. */
  hint: z.string().nullable(),
  createdAt: IsoDateTime,
  /** After this, an unpaid order is closed and a new one is needed. */
  expiresAt: IsoDateTime,
  paidAt: IsoDateTime.nullable(),
  timeline: z.array(TimelineStep),
  /** Present while the order is waiting for payment. */
  clientParams: ClientPayParams.nullable(),
})
export type PaymentOrder = z.infer<typeof PaymentOrder>

export const CreatePaymentRequest = z.object({
  amountFen: Fen.positive({ message: '请输入正确的金额' }),
  channel: PaymentChannel,
})

const OrderParams = AccountParams.extend({ orderNo: OrderNo })
const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(20) })
const OrderList = z.object({ orders: z.array(PaymentOrder) })

function orderRoutes(purpose: 'recharges' | 'payments', noun: string, idNoun: string) {
  const base = `/accounts/:accountNo/${purpose}`
  const common = { tag: 'payments', auth: 'user', accountScoped: true } as const
  return {
    create: defineRoute({
      ...common,
      id: `create${idNoun}`,
      method: 'post',
      path: base,
      summary: `Creates a ${noun} order (same Idempotency-Key → same order, as it is now) and returns the parameters to pay it`,
      idempotent: true,
      replay: 'resource',
      params: AccountParams,
      body: CreatePaymentRequest,
      response: PaymentOrder,
    }),
    list: defineRoute({
      ...common,
      id: `list${idNoun}s`,
      method: 'get',
      path: base,
      summary: `The account’s ${noun} orders, newest first, with their timelines`,
      idempotent: false,
      params: AccountParams,
      query: ListQuery,
      response: OrderList,
    }),
    get: defineRoute({
      ...common,
      id: `get${idNoun}`,
      method: 'get',
      path: `${base}/:orderNo`,
      summary: `One ${noun} order with its timeline`,
      idempotent: false,
      params: OrderParams,
      response: PaymentOrder,
    }),
    close: defineRoute({
      ...common,
      id: `close${idNoun}`,
      method: 'post',
      path: `${base}/:orderNo/close`,
      summary: `Closes an unpaid ${noun} order (after the payer cancelled) at the provider and here, so it can no longer be paid; a payment that won the race is kept and credited. Answers the order as it now is`,
      idempotent: true,
      params: OrderParams,
      response: PaymentOrder,
    }),
  }
}

const recharge = orderRoutes('recharges', 'top-up', 'Recharge')
const bill = orderRoutes('payments', 'bill payment', 'BillPayment')
export const createRecharge = recharge.create
export const listRecharges = recharge.list
export const getRecharge = recharge.get
export const closeRecharge = recharge.close
export const createBillPayment = bill.create
export const listBillPayments = bill.list
export const getBillPayment = bill.get
export const closeBillPayment = bill.close

export const PaymentOptions = z.object({
  recharge: z.object({
    refusal: z.string().nullable(),
    minFen: Fen,
    maxFen: Fen,
    presets: z.array(
      z.object({ amountFen: Fen, allowed: z.boolean(), daysOfGas: z.number().int().nullable() }),
    ),
  }),
  bill: z.object({ owedFen: Fen, refusal: z.string().nullable() }),
  /** "约可用 N 天" for the balance now; null without recent use. */
  daysOfGasNow: z.number().int().nullable(),
  /** What the days rest on, e.g. 按近30天日均 2.4 m³ 及去年同期用量估算; null without days. */
  daysOfGasBasis: z.string().nullable(),
})
export type PaymentOptions = z.infer<typeof PaymentOptions>

export const getPaymentOptions = defineRoute({
  id: 'getPaymentOptions',
  method: 'get',
  path: '/accounts/:accountNo/payment-options',
  summary: 'Presets, the free-amount range, what is owed and what the money buys (约可用 N 天)',
  tag: 'payments',
  auth: 'user',
  accountScoped: true,
  idempotent: false,
  params: AccountParams,
  response: PaymentOptions,
})

/**
 * Payment providers' notification receivers. They are signed by the provider, read the raw body
 * and answer in the provider's own format, so the BFF mounts them outside the user pipeline;
 * they are listed here for the OpenAPI document.
 */
export const notifyWechatPay = defineRoute({
  id: 'notifyWechatPay',
  method: 'post',
  path: '/notify/wechatpay',
  summary:
    'WeChat Pay v3 notification (signed Wechatpay-* headers, AEAD_AES_256_GCM resource). 204 when applied; 4xx/5xx with {code:"FAIL"} otherwise',
  tag: 'payments',
  auth: 'platform-signature',
  accountScoped: false,
  idempotent: false,
  body: z.object({
    id: z.string(),
    event_type: z.string(),
    resource_type: z.string(),
    resource: z.object({
      algorithm: z.literal('AEAD_AES_256_GCM'),
      ciphertext: z.string(),
      nonce: z.string(),
      associated_data: z.string().optional(),
    }),
  }),
  response: z.object({ code: z.literal('FAIL'), message: z.string() }).optional(),
})

export const notifyAlipay = defineRoute({
  id: 'notifyAlipay',
  method: 'post',
  path: '/notify/alipay',
  summary:
    'Alipay asynchronous notification (form-encoded, RSA2-signed). Answers the text `success` when applied',
  tag: 'payments',
  auth: 'platform-signature',
  accountScoped: false,
  idempotent: false,
  body: z.record(z.string(), z.string()),
  response: z.enum(['success', 'fail']),
})

export const notifyRoutes: Record<string, RouteSpec> = { notifyWechatPay, notifyAlipay }
