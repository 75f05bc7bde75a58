import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useElderMode } from '../../elder'
import { HelpBar } from '../help-bar'

/**
 * Every page's outermost view: carries the mode class that switches the design tokens, and in
 * elderly mode the help bar (客服电话, 请家人帮忙), so no page can forget it.
 */
export function PageRoot({ children, className }: { children: ReactNode; className?: string }) {
  const { elder } = useElderMode()
  const classes = ['page-root', elder ? 'elder' : '', className ?? '']
  return (
    <View className={classes.filter(Boolean).join(' ')}>
      <HelpBar />
      {children}
    </View>
  )
}
