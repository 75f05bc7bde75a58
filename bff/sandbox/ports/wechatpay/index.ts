import Router from '@koa/router'
import { wechatpayContract } from '../../../contracts/wechatpay'
import type { NotificationSources } from '../../payments/notifications'
import type { CashierProviders } from '../../payments/providers'
import type { PortDeps } from '../port'
import type { WechatState } from '../wechat'
import { WechatPayCashier } from './cashier'
import { wechatpayCredentials } from './credentials'
import { registerDevRoutes } from './dev-routes'
import { loadWechatPayMaterial } from './material'
import { registerV3Routes } from './routes'
import { WechatPay } from './service'

export { wechatpayContract as contract }
export { WechatPay }

export interface WechatPayState {
  readonly pay: WechatPay
  readonly production: boolean
  /** The `wechatpay` section of GET /sandbox/credentials. */
  credentials(origin: string): ReturnType<typeof wechatpayCredentials>
  /** Stops retries and refund timers. */
  close(): Promise<void>
}

/** Registries shared by the payment ports, and the mini-program orders are bound to. */
export interface WechatPayShared {
  readonly wechat: WechatState
  readonly cashier: CashierProviders
  readonly notifications: NotificationSources
}

export function createState(deps: PortDeps, shared: WechatPayShared): WechatPayState {
  const identity = shared.wechat.login.identity
  const pay = new WechatPay(
    loadWechatPayMaterial(deps.config.dataDir, identity.appid),
    deps.clock,
    deps.config.seed,
  )
  shared.cashier.register(new WechatPayCashier(pay))
  shared.notifications.register('wechatpay', pay.notifier)
  return {
    pay,
    production: deps.config.nodeEnv === 'production',
    credentials: (origin) => wechatpayCredentials(pay, identity, origin),
    close: () => pay.close(),
  }
}

export function router(state: WechatPayState): Router {
  const router = new Router()
  registerV3Routes(router, state.pay)
  if (!state.production) registerDevRoutes(router, state.pay)
  return router
}
