import Taro from '@tarojs/taro'
import { openPage, pages } from '../navigation/pages'

/**
 * Back to the page that sent the resident here (it reloads on show); from a cold start (a
 * shared link), on to 我的户号. Never stacks a second 我的户号 over the first.
 */
export function backToAccounts(): void {
  const go =
    Taro.getCurrentPages().length > 1
      ? Taro.navigateBack()
      : Taro.redirectTo({ url: pages.accounts })
  go.catch(() => openPage(pages.accounts))
}
