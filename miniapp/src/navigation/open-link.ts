import Taro from '@tarojs/taro'
import { AccountNo } from '@gh/shared'
import { currentAccountStore } from '../account/current-account-store'
import { openPage, tabPages } from './pages'

/** 'a=1&b=%E4%B8%AD' → { a: '1', b: '中' } (no URLSearchParams in the mini-program engines). */
export function parseQuery(query: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const pair of query.split('&')) {
    if (!pair) continue
    const [key = '', value = ''] = pair.split('=')
    try {
      out[decodeURIComponent(key)] = decodeURIComponent(value)
    } catch {
      out[key] = value
    }
  }
  return out
}

/** How a link inside the app is opened: which page, and whether it must start the stack over. */
export interface LinkPlan {
  /** The page with its query, or only its path for a tab page reached by switchTab. */
  url: string
  how: 'navigate' | 'switchTab' | 'reLaunch'
  /** The account the link is about; it becomes the current one. */
  accountNo: string | undefined
}

/**
 * A link from a message or a home card ('/pages/bills/index?accountNo=…&billId=…'). A tab page
 * cannot take a query through switchTab: the account travels through the current-account store,
 * and a link that needs more (a bill to open) relaunches the app at that page.
 */
export function planLink(link: string): LinkPlan {
  const [rawPath = '', query = ''] = link.split('?')
  const path = rawPath.startsWith('/') ? rawPath : `/${rawPath}`
  const params = parseQuery(query)
  const accountNo = AccountNo.safeParse(params.accountNo).success ? params.accountNo : undefined
  if (!tabPages.includes(path)) {
    return { url: query ? `${path}?${query}` : path, how: 'navigate', accountNo }
  }
  const more = Object.keys(params).some((key) => key !== 'accountNo')
  return more
    ? { url: `${path}?${query}`, how: 'reLaunch', accountNo }
    : { url: path, how: 'switchTab', accountNo }
}

export function openLink(link: string): void {
  const plan = planLink(link)
  if (plan.accountNo) currentAccountStore.set(plan.accountNo)
  if (plan.how !== 'reLaunch') return openPage(plan.url)
  Taro.reLaunch({ url: plan.url }).catch((err: unknown) =>
    console.warn('navigation failed', plan.url, err),
  )
}
