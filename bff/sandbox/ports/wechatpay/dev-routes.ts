import { bodyParser } from '@koa/bodyparser'
import type Router from '@koa/router'
import { parseOr400 } from '../../middleware/errors'
import { SettingsUpdate, TradeStateUpdate } from './dev-schemas'
import { checkRequestPayment } from './payment-check'
import type { WechatPay } from './service'

/**
 * Developer endpoints of the WeChat Pay peer (never in production). Notifications, their faults
 * and retry speed are under /sandbox/notifications, shared with Alipay.
 */
export function registerDevRoutes(router: Router, pay: WechatPay): void {
  const json = bodyParser({ enableTypes: ['json'] })

  router.get('/sandbox/wechatpay/settings', (ctx) => {
    ctx.body = pay.settings
  })
  router.post('/sandbox/wechatpay/settings', json, (ctx) => {
    ctx.body = pay.applySettings(parseOr400(SettingsUpdate, ctx.request.body))
  })

  /** Puts an unpaid order in a state only a payer's phone can cause (USERPAYING, PAYERROR). */
  router.post('/sandbox/wechatpay/orders/:outTradeNo/trade-state', json, (ctx) => {
    const { tradeState } = parseOr400(TradeStateUpdate, ctx.request.body)
    const order = pay.orders.require(String(ctx.params.outTradeNo))
    pay.orders.assertPayable(order)
    order.state = tradeState
    ctx.body = pay.orders.view(order)
  })

  router.post('/sandbox/wechat/request-payment', json, (ctx) => {
    const result = checkRequestPayment(pay, ctx.request.body)
    ctx.status = result.ok ? 200 : 400
    ctx.body = result
  })
}
