import { routes } from '@gh/shared'
import { currentAccountStore } from '../../account/current-account-store'
import { request } from '../../api'
import { tokenStore } from '../../auth/session'

/** One function per endpoint of 我的数据: what we hold, 退出登录 and 注销. */

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
