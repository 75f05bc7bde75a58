import Taro from '@tarojs/taro'

export const pages = {
  home: '/pages/index/index',
  bills: '/pages/bills/index',
  repairs: '/pages/repairs/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  accounts: '/pages/accounts/index',
  bind: '/pages/bind/index',
  family: '/pages/family/index',
  myData: '/pages/my-data/index',
  recharge: '/pages/recharge/index',
  orders: '/pages/orders/index',
  orderDetail: '/pages/orders/detail',
} as const

const tabPages: readonly string[] = [pages.home, pages.bills, pages.repairs, pages.me]

/** Tab pages can only be reached with switchTab; everything else is pushed on the stack. */
export function openPage(url: string): void {
  const go = tabPages.includes(url) ? Taro.switchTab({ url }) : Taro.navigateTo({ url })
  go.catch((err: unknown) => console.warn('navigation failed', url, err))
}
