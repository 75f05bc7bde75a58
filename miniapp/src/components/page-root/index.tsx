import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useElderMode } from '../../elder'

/** Every page's outermost view: carries the mode class that switches the design tokens. */
export function PageRoot({ children, className }: { children: ReactNode; className?: string }) {
  const { elder } = useElderMode()
  const classes = ['page-root', elder ? 'elder' : '', className ?? '']
  return <View className={classes.filter(Boolean).join(' ')}>{children}</View>
}
