import { Text, View } from '@tarojs/components'
import { a11y } from '../../a11y'
import './index.scss'

/** The visible title of a page (the native navigation bar is not read as a heading). */
export function PageHeading({ title, subtitle }: { title: string; subtitle?: string }) {
  return (
    <View className="page-heading">
      <Text className="page-heading__title" {...a11y(undefined, 'heading')} aria-level="1">
        {title}
      </Text>
      {subtitle ? <Text className="page-heading__subtitle">{subtitle}</Text> : null}
    </View>
  )
}
