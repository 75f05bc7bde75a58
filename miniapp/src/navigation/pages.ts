import Taro from '@tarojs/taro'
import { createSignal } from '../platform/signal'

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
  sharePay: '/pages/share-pay/index',
  safety: '/pages/safety/index',
  /** 站内消息 and 消息设置 (per account: `?accountNo=`). */
  messages: '/pages/messages/index',
  messageSettings: '/pages/messages/settings',
  /** 用量: monthly use beside last year's, and the forecast (subpackage with the chart). */
  usage: '/pages-usage/usage/index',
  privacyPolicy: '/pages-legal/privacy/index',
  terms: '/pages-legal/terms/index',
  /** Before a leak or CO report: what to do first, with the 24-hour line (main package). */
  repairSafety: '/pages/repairs/safety',
  repairReport: '/pages-repairs/report/index',
  repairList: '/pages-repairs/list/index',
  repairDetail: '/pages-repairs/detail/index',
  /** 供暖: season and fee, 报停 / 恢复供暖, 室温投诉 (subpackage). */
  heating: '/pages-heating/index/index',
  accountChanges: '/pages-account-changes/index/index',
  /** 安全自查 and 入户安检 (subpackage; `?accountNo=`). */
  safetySelfCheck: '/pages-safety/self-check/index',
  safetyInspections: '/pages-safety/inspections/index',
  /** 报装 and 通气点火; 一键求助 with its history and settings (subpackage). */
  connection: '/pages-service/connection/index',
  help: '/pages-service/help/index',
  /** 营业网点, filtered to the IC-card write points, nearest first when location is allowed. */
  writePoints: '/pages/safety/index?section=outlets&service=card_write',
} as const

/** The tab bar's pages, in its order (app.config.ts `tabBar.list` says the same). */
export const tabPages: readonly string[] = [pages.home, pages.bills, pages.repairs, pages.me]

/** 'pages/bills/index?x=1' → 1; -1 when the route is not a tab page. */
export function tabIndexOf(route: string | undefined): number {
  if (!route) return -1
  const path = route.split('?')[0] ?? ''
  return tabPages.indexOf(path.startsWith('/') ? path : `/${path}`)
}

/** The route of the page on screen, set by every page as it shows (see PageRoot). */
export const shownRoute = createSignal<string | undefined>(undefined)

/** Tab pages can only be reached with switchTab; everything else is pushed on the stack. */
export function openPage(url: string): void {
  const go = tabPages.includes(url) ? Taro.switchTab({ url }) : Taro.navigateTo({ url })
  go.catch((err: unknown) => console.warn('navigation failed', url, err))
}
