import Taro from '@tarojs/taro'

/** The workbench subpackage's pages (app.config.ts registers them under pages-agent). */
export const agentPages = {
  login: '/pages-agent/login/index',
  home: '/pages-agent/index/index',
  account: '/pages-agent/account/index',
  tasks: '/pages-agent/tasks/index',
  audit: '/pages-agent/audit/index',
} as const

export function accountPage(accountNo: string): string {
  return `${agentPages.account}?accountNo=${accountNo}`
}

export function goTo(url: string): void {
  Taro.navigateTo({ url }).catch((err: unknown) => console.warn('navigation failed', url, err))
}

/** Replaces the page on screen (after login, or when the session is gone). */
export function replaceWith(url: string): void {
  Taro.redirectTo({ url }).catch((err: unknown) => console.warn('navigation failed', url, err))
}
