import { routes } from '@gh/shared'
import type { LoginResult } from '@gh/shared'
import { request } from '../../api'
import { tokenStore } from '../../auth/session'

/** One function per login endpoint. */

export const sendSmsCode = (phone: string) => request(routes.sendSmsCode, { body: { phone } })

/** Keeps the new token; a previous one (when linking a login method) is replaced. */
function keep(result: LoginResult): LoginResult {
  tokenStore.set(result.token)
  return result
}

export const loginBySms = async (phone: string, code: string) =>
  keep(await request(routes.verifySmsCode, { body: { phone, code } }))

export const loginWithWechat = async (code: string) =>
  keep(await request(routes.loginWechat, { body: { code } }))

export const loginWithAlipay = async (authCode: string) =>
  keep(await request(routes.loginAlipay, { body: { authCode } }))
