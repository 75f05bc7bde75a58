import type Router from '@koa/router'
import type { Contract } from '../../contracts/openapi'
import { NotificationSources, notificationsRouter } from '../payments/notifications'
import * as alipay from './alipay'
import * as billing from './billing'
import { accountLedger } from './billing/account-ledger'
import * as cashier from './cashier'
import * as content from './content'
import * as customers from './customers'
import { connectionsRouter, createConnectionsState } from './customers/connections'
import * as meters from './meters'
import type { PortName } from './names'
import type { PortDeps } from './port'
import * as sms from './sms'
import * as wechat from './wechat'
import * as wechatpay from './wechatpay'
import * as workorders from './workorders'
import { createHelpDeskState, helpDeskRouter } from './workorders/help-desk'
import { createIgnitionState, ignitionRouter } from './workorders/ignition'

/**
 * The one place ports are registered. A new port is a folder under ports/ exporting
 * `createState`, `router` and (when it has one) `contract`, plus one line in each function
 * below. Later ports receive the states built before them (billing needs the customers
 * directory).
 */
export function createPortStates(deps: PortDeps) {
  const customersState = customers.createState(deps)
  const cashierState = cashier.createState(deps)
  const notifications = new NotificationSources(deps.config.nodeEnv !== 'production')
  const alipayState = alipay.createState(deps, { cashier: cashierState, notifications })
  const wechatState = wechat.createState(deps)
  const shared = { wechat: wechatState, cashier: cashierState, notifications }
  const metersState = meters.createState(deps, customersState.directory)
  const billingState = billing.createState(deps, customersState.directory, metersState)
  customersState.changes.attachLedger(accountLedger(billingState.billing))
  const connectionsState = createConnectionsState(deps, customersState.directory)
  return {
    customers: customersState,
    cashier: cashierState,
    notifications,
    alipay: alipayState,
    sms: sms.createState(deps),
    wechat: wechatState,
    wechatpay: wechatpay.createState(deps, shared),
    meters: metersState,
    billing: billingState,
    workorders: workorders.createState(deps, customersState.directory),
    content: content.createState(deps),
    connections: connectionsState,
    ignition: createIgnitionState(deps, customersState.directory, connectionsState.desk),
    helpDesk: createHelpDeskState(deps),
  }
}

export type PortStates = ReturnType<typeof createPortStates>

export function portRouters(states: PortStates): Router[] {
  return [
    customers.router(states.customers),
    cashier.router(states.cashier),
    notificationsRouter(states.notifications),
    alipay.router(states.alipay),
    sms.router(states.sms),
    wechat.router(states.wechat),
    wechatpay.router(states.wechatpay),
    meters.router(states.meters),
    billing.router(states.billing),
    workorders.router(states.workorders),
    content.router(states.content),
    connectionsRouter(states.connections),
    ignitionRouter(states.ignition),
    helpDeskRouter(states.helpDesk),
  ]
}

/** GET /sandbox/credentials: what merchants copy from the consoles, one section per provider. */
export function credentialSections(states: PortStates, origin: string) {
  return {
    alipay: alipay.credentials(states.alipay, origin),
    wechatpay: states.wechatpay.credentials(origin),
  }
}

/** Stops the ports' timers and retries (notifications, expiry), for a clean shutdown. */
export async function closePorts(states: PortStates): Promise<void> {
  await Promise.all([states.alipay.close(), states.wechatpay.close()])
}

export const portContracts: Partial<Record<PortName, Contract>> = {
  customers: customers.contract,
  sms: sms.contract,
  wechatpay: wechatpay.contract,
  billing: billing.contract,
  meters: meters.contract,
  workorders: workorders.contract,
  content: content.contract,
}
