import { resolveScene, routes } from '@gh/shared'
import type { BindAccountRequest, BindBySmsRequest } from '@gh/shared'
import { changesBindings } from '../../account/api'
import { request } from '../../api'

/** One function per binding endpoint. */

export const bindAccount = (body: BindAccountRequest) =>
  changesBindings(request(routes.bindAccount, { body }))

/** Binding by a code sent to the account's reserved phone (预留手机号), the stronger proof. */
export const sendBindingCode = (accountNo: string) =>
  request(routes.sendBindingCode, { body: { accountNo } })

export const bindAccountBySms = (body: BindBySmsRequest) =>
  changesBindings(request(routes.bindAccountBySms, { body }))

/** 客服链接: what an agent's link grants, then binding it (single use, no holder proof). */
export const getAgentLink = (token: string) => request(routes.getAgentLink, { params: { token } })

export const redeemAgentLink = (token: string, label?: string) =>
  changesBindings(
    request(routes.redeemAgentLink, { params: { token }, body: label ? { label } : {} }),
  )

/** Where a mini-program code's scene leads (public: the app may not be logged in yet). */
export const landingOfScene = (scene: string) => request(resolveScene, { params: { scene } })
