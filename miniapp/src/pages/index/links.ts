import type { AccountKind } from '@gh/shared'
import { pages } from '../../navigation/pages'

export interface UsageLink {
  url: string
  title: string
  hint: string
}

/** 用气量 of the account; heating billed by area has no volume, so its page explains the fee. */
export function usageLink(accountNo: string, kind: AccountKind | undefined): UsageLink | undefined {
  if (kind === undefined) return undefined
  const url = `${pages.usage}?accountNo=${accountNo}`
  return kind === 'heating'
    ? { url, title: '供暖面积和费用', hint: '供暖费按建筑面积怎么算' }
    : { url, title: '每月用气量', hint: '和去年同月比一比，看看接下来大约用多少' }
}
