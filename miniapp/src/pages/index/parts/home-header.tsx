import { Text, View } from '@tarojs/components'
import { a11y } from '../../../a11y'
import { useElderMode } from '../../../elder'

/**
 * The service name and the home-page entry to 长辈模式 (DESIGN.md asks for one on the home
 * page; 我的 has the full switch). The pill says in words which mode a tap leads to; its
 * accessible name starts with those words, so voice control finds it by what it shows.
 * `compact` (长辈模式 with an account to show) leaves out the greeting lines, so the account's
 * number and button fit the first screen.
 */
export function HomeHeader({ compact = false }: { compact?: boolean }) {
  const { elder, setElder } = useElderMode()
  return (
    <View className="home-header">
      <View className="home-header__top">
        <Text className="home-header__greeting">{compact ? '' : '您好，欢迎使用'}</Text>
        <View
          className="home-header__mode"
          hoverClass="home-header__mode--pressed"
          onClick={() => setElder(!elder)}
          {...a11y(
            elder ? '标准模式（退出长辈模式）' : '长辈模式（开启后字更大、按钮更大）',
            'button',
          )}
        >
          <Text>{elder ? '标准模式' : '长辈模式'}</Text>
        </View>
      </View>
      <Text className="home-header__title" {...a11y(undefined, 'heading')} aria-level="1">
        燃气·供热 掌上营业厅
      </Text>
      {compact ? null : <Text className="home-header__subtitle">交费、查账单、报修，一处办好</Text>}
    </View>
  )
}
