import { Text, View } from '@tarojs/components'
import { a11y } from '../../../a11y'

export type SafetySection = 'tips' | 'notices' | 'outlets'

export const sectionTitles: Record<SafetySection, string> = {
  tips: '安全用气',
  notices: '停气停暖',
  outlets: '营业网点',
}

const order: SafetySection[] = ['tips', 'notices', 'outlets']

/** One section at a time, so each screen has one list and one main action (长辈模式). */
export function SectionTabs(props: {
  current: SafetySection
  onSelect: (section: SafetySection) => void
}) {
  return (
    <View className="safety-tabs" {...a11y('内容分类', 'group')}>
      {order.map((section) => {
        const on = section === props.current
        return (
          <View
            key={section}
            className={`safety-tabs__tab${on ? ' safety-tabs__tab--on' : ''}`}
            hoverClass="safety-tabs__tab--pressed"
            onClick={() => props.onSelect(section)}
            {...a11y(sectionTitles[section], 'button')}
            aria-pressed={on ? 'true' : 'false'}
          >
            <Text>{sectionTitles[section]}</Text>
          </View>
        )
      })}
    </View>
  )
}
