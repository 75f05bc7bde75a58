import { bodyParser } from '@koa/bodyparser'
import type Router from '@koa/router'
import type { Context, Middleware } from 'koa'
import {
  BillDownloadQuery,
  CloseRequest,
  JsapiOrderRequest,
  MchidQuery,
  RefundRequest,
  TradeBillQuery,
} from '../../../contracts/wechatpay'
import { OPENID_PATTERN } from '../wechat/identity'
import { verifyRequests, type MerchantIdentity } from './auth'
import { orderNotExist, parseOrParamError, payError } from './errors'
import type { WechatPay } from './service'
import { signedResponses } from './signing'

/** Also served under /wechatpay so the `wechatpay` fault port applies to these calls. */
export const V3_PREFIXES = ['', '/wechatpay'] as const

function assertOwnMchid(ctx: Context, mchid: string): void {
  const merchant = ctx.state.merchant as MerchantIdentity
  if (mchid !== merchant.mchid) {
    throw payError(400, 'PARAM_ERROR', 'mchid 与 Authorization 中的商户号不一致', {
      location: 'body',
      field: 'mchid',
    })
  }
}

const param = (ctx: Context, name: string): string => String(ctx.params[name] ?? '')

/** WeChat Pay API v3 at its real paths: every route verified, every answer signed. */
export function registerV3Routes(router: Router, pay: WechatPay): void {
  const signed = signedResponses(pay.signer)
  const stack: Middleware[] = [
    signed,
    bodyParser({ enableTypes: ['json'], encoding: 'utf-8' }),
    verifyRequests(pay.material, pay.nonces),
  ]

  for (const prefix of V3_PREFIXES) {
    const v3 = (path: string): string => `${prefix}/v3${path}`

    router.post(v3('/pay/transactions/jsapi'), ...stack, (ctx) => {
      const request = parseOrParamError(JsapiOrderRequest, ctx.request.body, 'body')
      assertOwnMchid(ctx, request.mchid)
      if (request.appid !== pay.material.appid) {
        throw payError(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配，请检查后再试')
      }
      if (!OPENID_PATTERN.test(request.payer.openid)) {
        throw payError(400, 'PARAM_ERROR', 'openid 与 appid 不匹配', {
          location: 'body',
          field: 'payer/openid',
        })
      }
      ctx.body = pay.createOrder(request)
    })

    router.get(v3('/pay/transactions/out-trade-no/:out_trade_no'), ...stack, (ctx) => {
      assertOwnMchid(ctx, parseOrParamError(MchidQuery, ctx.query, 'query').mchid)
      ctx.body = pay.orders.view(pay.orders.require(param(ctx, 'out_trade_no')))
    })

    router.get(v3('/pay/transactions/id/:transaction_id'), ...stack, (ctx) => {
      assertOwnMchid(ctx, parseOrParamError(MchidQuery, ctx.query, 'query').mchid)
      const found = pay.orders.byTransactionId(param(ctx, 'transaction_id'))
      if (!found) throw orderNotExist()
      ctx.body = pay.orders.view(pay.orders.require(found.request.out_trade_no))
    })

    router.post(v3('/pay/transactions/out-trade-no/:out_trade_no/close'), ...stack, (ctx) => {
      assertOwnMchid(ctx, parseOrParamError(CloseRequest, ctx.request.body, 'body').mchid)
      pay.orders.close(param(ctx, 'out_trade_no'))
      ctx.status = 204
    })

    router.post(v3('/refund/domestic/refunds'), ...stack, (ctx) => {
      const request = parseOrParamError(RefundRequest, ctx.request.body, 'body')
      ctx.body = pay.refunds.view(pay.refund(request))
    })

    router.get(v3('/refund/domestic/refunds/:out_refund_no'), ...stack, (ctx) => {
      const record = pay.refunds.get(param(ctx, 'out_refund_no'))
      if (!record) throw payError(404, 'RESOURCE_NOT_EXISTS', '退款单不存在')
      ctx.body = pay.refunds.view(record)
    })

    router.get(v3('/bill/tradebill'), ...stack, (ctx) => {
      const query = parseOrParamError(TradeBillQuery, ctx.query, 'query')
      const { token, sha1 } = pay.tradeBill(query.bill_date, query.bill_type, !!query.tar_type)
      // Koa 3's ctx.origin is the Origin request header; this is the address the caller used.
      const url = new URL(v3('/billdownload/file'), `${ctx.protocol}://${ctx.host}`)
      url.searchParams.set('token', token)
      ctx.body = { hash_type: 'SHA1', hash_value: sha1, download_url: url.toString() }
    })

    router.get(v3('/billdownload/file'), ...stack, (ctx) => {
      const { token } = parseOrParamError(BillDownloadQuery, ctx.query, 'query')
      ctx.body = pay.bills.download(token)
      ctx.type = 'application/octet-stream'
    })

    router.get(v3('/certificates'), ...stack, (ctx) => {
      ctx.body = pay.certificates()
    })

    router.all(v3('/{*rest}'), signed, () => {
      throw payError(404, 'NOT_FOUND', '请求的资源不存在')
    })
  }
}
