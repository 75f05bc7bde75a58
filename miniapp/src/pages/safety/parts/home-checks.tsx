import { Text, View } from '@tarojs/components'
import { a11y } from '../../../a11y'
import { openPage, pages } from '../../../navigation/pages'

const entries = [
  { title: '安全自查', hint: '报警器、软管、灶具、热水器', url: pages.safetySelfCheck },
  { title: '入户安检', hint: '安检结果、预约和改约', url: pages.safetyInspections },
] as const

/** 我家用气安全: the home's own checks, before the articles, notices and outlets. */
export function HomeChecks() {
  return (
    <View className="safety-home" {...a11y('我家用气安全', 'group')}>
      {entries.map((entry) => (
        <View
          key={entry.url}
          className="safety-home__entry"
          hoverClass="safety-home__entry--pressed"
          onClick={() => openPage(entry.url)}
          {...a11y(`${entry.title}，${entry.hint}`, 'button')}
        >
          <Text className="safety-home__title">{entry.title}</Text>
          <Text className="safety-home__hint">{entry.hint}</Text>
        </View>
      ))}
    </View>
  )
}
