import { routes } from '@gh/shared'
import type { BindAccountRequest, BindBySmsRequest, BoundAccount, LoginResult } from '@gh/shared'
import { request } from '../api'
import { tokenStore } from '../auth/session'
import { boundAccountsChanged } from '../hooks/query-cache'
import { currentAccountStore } from './current-account-store'

/** One function per endpoint of identity, binding and family (issue 5). */

export async function listAccounts(): Promise<BoundAccount[]> {
  return (await request(routes.listAccounts)).accounts
}

/** Every page showing the resident's accounts (or what depends on them) asks again after it. */
async function changesBindings<T>(write: Promise<T>): Promise<T> {
  const result = await write
  boundAccountsChanged()
  return result
}

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

export const updateBinding = (
  accountNo: string,
  body: { label?: string | null; isDefault?: true },
) => changesBindings(request(routes.updateBinding, { params: { accountNo }, body }))

export const unbindAccount = (accountNo: string) =>
  changesBindings(request(routes.unbindAccount, { params: { accountNo } }))

export const createFamilyInvite = (accountNo: string) =>
  request(routes.createFamilyInvite, { params: { accountNo } })

export const acceptFamilyInvite = (code: string, label?: string) =>
  changesBindings(
    request(routes.acceptFamilyInvite, { body: { code, ...(label ? { label } : {}) } }),
  )

export async function listFamilyMembers(accountNo: string) {
  return (await request(routes.listFamilyMembers, { params: { accountNo } })).members
}

export const removeFamilyMember = (accountNo: string, memberId: string) =>
  changesBindings(request(routes.removeFamilyMember, { params: { accountNo, memberId } }))

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

export const getMyData = () => request(routes.getMyData)

/** Ends the session on the BFF if it can; locally it ends either way. */
export async function logout(): Promise<void> {
  try {
    await request(routes.logout)
  } finally {
    tokenStore.clear()
    currentAccountStore.clear()
  }
}

export async function deleteMe(): Promise<void> {
  await request(routes.deleteMe)
  tokenStore.clear()
  currentAccountStore.clear()
}
