import Taro from '@tarojs/taro'

/** The current page with its query (minus Taro's own `$taroTimestamp`), for a family member. */
export function currentPagePath(): string {
  const router = Taro.getCurrentInstance().router
  const route = (router?.path ?? '/pages/index/index').split('?')[0] ?? '/pages/index/index'
  const params = Object.entries(router?.params ?? {}).filter(
    (entry): entry is [string, string] => !entry[0].startsWith('$') && entry[1] !== undefined,
  )
  const query = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
  return `${route.startsWith('/') ? route : `/${route}`}${query.length ? `?${query.join('&')}` : ''}`
}

/** H5: the address bar already holds the page and its query (hash router), so copy it. */
export async function copyPageLink(href: string): Promise<void> {
  await Taro.setClipboardData({ data: href })
  await Taro.showToast({ title: '链接已复制，发给家人即可打开本页', icon: 'none', duration: 3000 })
}
