import { z } from 'zod'
import type { Contract } from './openapi'

/**
 * WeChat Pay API v3 (direct merchant, JSAPI), the subset the BFF uses, as the sandbox serves it.
 * Not the utility's contract but WeChat's: field names are WeChat's snake_case and every amount is
 * integer fen. Requests carry `Authorization: WECHATPAY2-SHA256-RSA2048 …`; every response
 * carries `Wechatpay-Timestamp/Nonce/Signature/Serial`.
 */

const Fen = z.number().int().min(1).describe('integer fen (分)')
const Rfc3339 = z.iso.datetime({ offset: true }).describe('RFC 3339 with offset, e.g. +08:00')
const OutTradeNo = z
  .string()
  .regex(/^[0-9A-Za-z_\-*|]{6,32}$/)
  .describe('merchant order number: 6-32 of letters, digits, _ - | *')

export const WechatPayError = z
  .object({
    code: z
      .string()
      .describe(
        'PARAM_ERROR, INVALID_REQUEST, SIGN_ERROR, ORDER_NOT_EXIST, RESOURCE_NOT_EXISTS, ' +
          'ORDERPAID, ORDER_CLOSED, APPID_MCHID_NOT_MATCH, NOT_ENOUGH, STATEMENT_CREATING, ' +
          'NO_STATEMENT_EXIST, SYSTEM_ERROR',
      ),
    message: z.string(),
    detail: z.unknown().optional(),
  })
  .describe('WeChat Pay error body')

export const JsapiOrderRequest = z.object({
  appid: z.string().min(1).max(32),
  mchid: z.string().min(1).max(32),
  description: z.string().min(1).max(127),
  out_trade_no: OutTradeNo,
  time_expire: Rfc3339.optional().describe('default: 2 hours after creation'),
  attach: z.string().max(128).optional(),
  notify_url: z
    .url({ protocol: /^https?$/ })
    .max(256)
    .refine((url) => !url.includes('?'), 'notify_url 不能携带参数')
    .describe('where TRANSACTION.SUCCESS is POSTed; no query string'),
  goods_tag: z.string().max(32).optional(),
  support_fapiao: z.boolean().optional(),
  amount: z.object({ total: Fen, currency: z.literal('CNY').optional() }),
  payer: z.object({ openid: z.string().min(1).max(128) }),
})
export type JsapiOrderRequest = z.infer<typeof JsapiOrderRequest>

export const PrepayResponse = z.object({
  prepay_id: z.string().describe('valid until time_expire; same out_trade_no and body → same id'),
})

export const TradeState = z.enum([
  'SUCCESS',
  'REFUND',
  'NOTPAY',
  'CLOSED',
  'USERPAYING',
  'PAYERROR',
])
export type TradeState = z.infer<typeof TradeState>

export const Transaction = z.object({
  appid: z.string(),
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().optional().describe('present once paid'),
  trade_type: z.literal('JSAPI').optional(),
  trade_state: TradeState,
  trade_state_desc: z.string(),
  bank_type: z.string().optional(),
  attach: z.string(),
  success_time: Rfc3339.optional(),
  payer: z.object({ openid: z.string().optional() }),
  amount: z.object({
    total: z.number().int(),
    payer_total: z.number().int().optional(),
    currency: z.literal('CNY'),
    payer_currency: z.literal('CNY'),
  }),
  promotion_detail: z.array(z.unknown()),
})
export type Transaction = z.infer<typeof Transaction>

export const MchidQuery = z.object({ mchid: z.string().min(1) })
export const OutTradeNoParams = z.object({ out_trade_no: z.string().min(1) })
export const TransactionIdParams = z.object({ transaction_id: z.string().min(1) })
export const CloseRequest = z.object({ mchid: z.string().min(1) })

export const RefundRequest = z
  .object({
    transaction_id: z.string().optional(),
    out_trade_no: z.string().optional(),
    out_refund_no: z.string().regex(/^[0-9A-Za-z_\-*|@]{1,64}$/),
    reason: z.string().max(80).optional(),
    notify_url: z
      .url({ protocol: /^https?$/ })
      .max(256)
      .optional(),
    funds_account: z.literal('AVAILABLE').optional(),
    amount: z.object({
      refund: Fen,
      total: Fen.describe('must equal the order total'),
      currency: z.literal('CNY'),
    }),
  })
  .refine((r) => r.transaction_id !== undefined || r.out_trade_no !== undefined, {
    message: 'transaction_id 与 out_trade_no 必填其一',
    path: ['out_trade_no'],
  })
export type RefundRequest = z.infer<typeof RefundRequest>

export const RefundStatus = z.enum(['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL'])

export const Refund = z.object({
  refund_id: z.string(),
  out_refund_no: z.string(),
  transaction_id: z.string(),
  out_trade_no: z.string(),
  channel: z.literal('ORIGINAL'),
  user_received_account: z.string(),
  success_time: Rfc3339.optional(),
  create_time: Rfc3339,
  status: RefundStatus.describe('PROCESSING at first; SUCCESS later, with a REFUND.SUCCESS notice'),
  funds_account: z.literal('AVAILABLE'),
  amount: z.object({
    total: z.number().int(),
    refund: z.number().int(),
    payer_total: z.number().int(),
    payer_refund: z.number().int(),
    settlement_total: z.number().int(),
    settlement_refund: z.number().int(),
    discount_refund: z.number().int(),
    currency: z.literal('CNY'),
    refund_fee: z.number().int(),
    from: z.array(z.unknown()),
  }),
  promotion_detail: z.array(z.unknown()),
})
export type Refund = z.infer<typeof Refund>

export const OutRefundNoParams = z.object({ out_refund_no: z.string().min(1) })

export const TradeBillQuery = z.object({
  bill_date: z.iso.date().describe('YYYY-MM-DD (Asia/Shanghai); ready from 10:00 the next day'),
  bill_type: z.enum(['ALL', 'SUCCESS', 'REFUND']).default('ALL'),
  tar_type: z.literal('GZIP').optional(),
})

export const TradeBillResponse = z.object({
  hash_type: z.literal('SHA1'),
  hash_value: z.string().describe('SHA1 hex of the downloaded bytes'),
  download_url: z.string().describe('GET with a signed request within 30 s'),
})

export const BillDownloadQuery = z.object({ token: z.string() })

export const EncryptedResource = z.object({
  algorithm: z.literal('AEAD_AES_256_GCM'),
  ciphertext: z.string().describe('base64 of ciphertext || 16-byte tag, under the APIv3 key'),
  nonce: z.string().length(12),
  associated_data: z.string(),
  original_type: z.string().optional(),
})

export const Certificates = z.object({
  data: z.array(
    z.object({
      serial_no: z.string(),
      effective_time: Rfc3339,
      expire_time: Rfc3339,
      encrypt_certificate: EncryptedResource,
    }),
  ),
})
export type Certificates = z.infer<typeof Certificates>

export const Notification = z
  .object({
    id: z.string().describe('the same on every retry of one event'),
    create_time: Rfc3339,
    event_type: z.enum(['TRANSACTION.SUCCESS', 'REFUND.SUCCESS']),
    resource_type: z.literal('encrypt-resource'),
    summary: z.string(),
    resource: EncryptedResource,
  })
  .describe(
    'POSTed to notify_url with Wechatpay-* headers signed over `timestamp\\nnonce\\nbody\\n`; ' +
      'retried at 15s 15s 30s 3m 10m 20m 30m 30m 30m 60m 3h 3h 3h 6h 6h until answered 200/204 ' +
      'within 5 s. TRANSACTION.SUCCESS decrypts to a Transaction, REFUND.SUCCESS to RefundResource.',
  )

export const RefundResource = z.object({
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string(),
  out_refund_no: z.string(),
  refund_id: z.string(),
  refund_status: RefundStatus,
  success_time: Rfc3339.optional(),
  user_received_account: z.string(),
  amount: z.object({
    total: z.number().int(),
    refund: z.number().int(),
    payer_total: z.number().int(),
    payer_refund: z.number().int(),
  }),
})
export type RefundResource = z.infer<typeof RefundResource>

const error = (description: string) => ({ description, schema: WechatPayError })
const badRequest = error('PARAM_ERROR / INVALID_REQUEST and rule violations')
const unsigned = error('SIGN_ERROR: bad signature, unknown serial, >300 s skew or a replayed nonce')

export const wechatpayContract: Contract = {
  port: 'wechatpay',
  title: 'WeChat Pay API v3 (sandbox peer)',
  version: '1.0.0',
  description:
    'The WeChat Pay v3 endpoints the BFF calls, at the real paths; also served under ' +
    '/wechatpay/v3/... so the `wechatpay` fault port applies. Requests are verified ' +
    '(WECHATPAY2-SHA256-RSA2048 over `METHOD\\nPATH?query\\ntimestamp\\nnonce\\nbody\\n`) and ' +
    'responses signed with the platform certificate or the 微信支付公钥 (PUB_KEY_ID_…). ' +
    'Notifications: see the Notification, Transaction and RefundResource schemas.',
  basePath: '/v3',
  schemas: {
    WechatPayError,
    JsapiOrderRequest,
    PrepayResponse,
    TradeState,
    Transaction,
    RefundRequest,
    Refund,
    TradeBillResponse,
    Certificates,
    Notification,
    RefundResource,
  },
  operations: [
    {
      operationId: 'createJsapiOrder',
      method: 'post',
      path: '/pay/transactions/jsapi',
      summary: 'JSAPI/mini-program order → prepay_id',
      body: JsapiOrderRequest,
      responses: {
        200: { description: 'Prepay id', schema: PrepayResponse },
        400: badRequest,
        401: unsigned,
      },
    },
    {
      operationId: 'queryByOutTradeNo',
      method: 'get',
      path: '/pay/transactions/out-trade-no/:out_trade_no',
      summary: 'Order state by merchant order number',
      params: OutTradeNoParams,
      query: MchidQuery,
      responses: {
        200: { description: 'The order', schema: Transaction },
        401: unsigned,
        404: error('ORDER_NOT_EXIST'),
      },
    },
    {
      operationId: 'queryByTransactionId',
      method: 'get',
      path: '/pay/transactions/id/:transaction_id',
      summary: 'Order state by WeChat transaction id',
      params: TransactionIdParams,
      query: MchidQuery,
      responses: {
        200: { description: 'The order', schema: Transaction },
        401: unsigned,
        404: error('ORDER_NOT_EXIST'),
      },
    },
    {
      operationId: 'closeOrder',
      method: 'post',
      path: '/pay/transactions/out-trade-no/:out_trade_no/close',
      summary: 'Close an unpaid order (204, empty body)',
      params: OutTradeNoParams,
      body: CloseRequest,
      responses: {
        204: { description: 'Closed' },
        400: error('ORDERPAID'),
        401: unsigned,
        404: error('ORDER_NOT_EXIST'),
      },
    },
    {
      operationId: 'createRefund',
      method: 'post',
      path: '/refund/domestic/refunds',
      summary: 'Refund a paid order, in part or in full (asynchronous)',
      body: RefundRequest,
      responses: {
        200: { description: 'Refund accepted (PROCESSING)', schema: Refund },
        400: badRequest,
        401: unsigned,
        403: error('NOT_ENOUGH'),
        404: error('RESOURCE_NOT_EXISTS'),
      },
    },
    {
      operationId: 'queryRefund',
      method: 'get',
      path: '/refund/domestic/refunds/:out_refund_no',
      summary: 'Refund state',
      params: OutRefundNoParams,
      responses: {
        200: { description: 'The refund', schema: Refund },
        401: unsigned,
        404: error('RESOURCE_NOT_EXISTS'),
      },
    },
    {
      operationId: 'tradeBill',
      method: 'get',
      path: '/bill/tradebill',
      summary: 'Where to download the trade bill of a day',
      query: TradeBillQuery,
      responses: {
        200: { description: 'Download address and hash', schema: TradeBillResponse },
        400: error('STATEMENT_CREATING, NO_STATEMENT_EXIST or PARAM_ERROR'),
        401: unsigned,
      },
    },
    {
      operationId: 'downloadBill',
      method: 'get',
      path: '/billdownload/file',
      summary: 'The bill: UTF-8 CSV with BOM, fields prefixed with `, two summary lines',
      query: BillDownloadQuery,
      responses: {
        200: { description: 'CSV bytes (gzip when tar_type=GZIP)' },
        400: error('INVALID_REQUEST: token unknown or older than 30 s'),
        401: unsigned,
      },
    },
    {
      operationId: 'certificates',
      method: 'get',
      path: '/certificates',
      summary: 'Platform certificates, each encrypted under the APIv3 key',
      responses: {
        200: { description: 'Certificates', schema: Certificates },
        401: unsigned,
      },
    },
  ],
}
