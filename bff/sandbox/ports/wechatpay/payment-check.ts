import type { WechatPay } from './service'
import { rsaVerify } from './signing'

const FIELDS = ['appId', 'timeStamp', 'nonceStr', 'package', 'signType', 'paySign'] as const

export type RequestPaymentResult =
  | {
      ok: true
      errMsg: 'requestPayment:ok'
      outTradeNo: string
      amountFen: number
      description: string
    }
  | { ok: false; errMsg: string }

const fail = (reason: string): RequestPaymentResult => ({
  ok: false,
  errMsg: `requestPayment:fail ${reason}`,
})

/**
 * What WeChat checks when a mini-program calls wx.requestPayment: every parameter present as a
 * string, signType RSA, paySign = RSA-SHA256 over `appId\ntimeStamp\nnonceStr\npackage\n` with
 * the merchant's key, and a prepay_id of a payable order of that appId. errMsg strings are
 * wx.requestPayment's.
 */
export function checkRequestPayment(pay: WechatPay, input: unknown): RequestPaymentResult {
  const params = (typeof input === 'object' && input !== null ? input : {}) as Record<
    string,
    unknown
  >
  for (const field of FIELDS) {
    const value = params[field]
    if (typeof value !== 'string') {
      const kind = value === undefined ? 'Undefined' : value === null ? 'Null' : typeof value
      return fail(`parameter error: parameter.${field} should be String instead of ${kind};`)
    }
  }
  const {
    appId,
    timeStamp,
    nonceStr,
    signType,
    paySign,
    package: pkg,
  } = params as Record<(typeof FIELDS)[number], string>
  if (signType !== 'RSA') return fail('支付验证签名失败')
  const message = `${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`
  if (!rsaVerify(message, paySign, pay.material.merchant.publicKeyPem))
    return fail('支付验证签名失败')
  const prepayId = /^prepay_id=(\S+)$/.exec(pkg)?.[1]
  if (!prepayId) return fail('package参数格式错误，应为 prepay_id=***')
  const order = pay.orders.byPrepayId(prepayId)
  if (!order) return fail('prepay_id无效')
  if (order.request.appid !== appId) return fail('appid与下单时的appid不一致')
  if (order.state === 'CLOSED') return fail('订单已关闭')
  if (order.state === 'SUCCESS' || order.state === 'REFUND') return fail('该订单已支付')
  return {
    ok: true,
    errMsg: 'requestPayment:ok',
    outTradeNo: order.request.out_trade_no,
    amountFen: order.request.amount.total,
    description: order.request.description,
  }
}
