import Taro from '@tarojs/taro'
import { pages } from '../../navigation/pages'
import { sharePath } from '../../navigation/share'

export type { ShareCard } from '../../navigation/share'

/** The current page with its query, for a page that says nothing more specific. */
export function currentPagePath(): string {
  const router = Taro.getCurrentInstance().router
  return sharePath(router?.path ?? pages.home, router?.params ?? {})
}

/** H5: the address of `path` in this build (hash router), for the clipboard. */
export function h5Link(path: string, location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}#${path}`
}

/** H5: the address bar already holds the page and its query (hash router), so copy it. */
export async function copyPageLink(href: string): Promise<void> {
  await Taro.setClipboardData({ data: href })
  await Taro.showToast({ title: '链接已复制，发给家人即可打开本页', icon: 'none', duration: 3000 })
}
