import { View } from '@tarojs/components'
import { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro'
import type { ReactNode } from 'react'
import shareImage from '../../assets/share/card.png'
import { useElderMode } from '../../elder'
import { shownRoute, tabIndexOf } from '../../navigation/pages'
import { PrivacyPrompt } from '../../privacy/privacy-prompt'
import { HelpBar } from '../help-bar'
import { currentPagePath } from '../help-bar/share-link'
import type { ShareCard } from '../help-bar/share-link'
import './index.scss'

export interface PageRootProps {
  children: ReactNode
  className?: string
  /**
   * The card 请家人帮忙 and the platform's share menu send: this page, with the account or order
   * it shows. Only pages whose config has `enableShareAppMessage: true` are offered for sharing.
   */
  share?: () => ShareCard
}

// The mini-programs' custom tab bar is fixed over the page bottom; H5's sits outside the page.
const customTabBar = process.env.TARO_ENV !== 'h5'

/**
 * Every page's outermost view: carries the mode class that switches the design tokens, and in
 * elderly mode the help bar (客服电话, 请家人帮忙), so no page can forget it.
 */
export function PageRoot({ children, className, share }: PageRootProps) {
  const { elder } = useElderMode()
  const { path } = useRouter()
  // One share handler per page (WeChat uses the first one registered), here and nowhere else.
  useShareAppMessage(() => {
    const card = share?.() ?? { title: '燃气·供热 掌上营业厅', path: currentPagePath() }
    return { ...card, imageUrl: card.imageUrl ?? shareImage }
  })
  useDidShow(() => shownRoute.set(path))
  const classes = [
    'page-root',
    elder ? 'elder' : '',
    customTabBar && tabIndexOf(path) >= 0 ? 'page-root--tab-bar' : '',
    className ?? '',
  ]
  return (
    <View className={classes.filter(Boolean).join(' ')}>
      <HelpBar share={share} />
      {children}
      <PrivacyPrompt />
    </View>
  )
}
