import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'
import { a11y, decorative } from '../a11y'
import { elderSignal } from '../elder/elder-signal'
import { shownRoute, tabIndexOf } from '../navigation/pages'
import { tabs } from './tabs'

/** Before any page has said it is shown: the page this tab bar instance was created under. */
function startingRoute(): string | undefined {
  const stack = Taro.getCurrentPages()
  return stack[stack.length - 1]?.route
}

/**
 * The mini-programs' tab bar. The native one cannot be enlarged, so 长辈模式 gets its own: 64 px
 * targets and 20 px labels (DESIGN.md: main controls ≥ 60, text ≥ 18), the current tab marked
 * by a filled icon, bold text and a bar, and named to screen readers, not by colour alone.
 */
export function TabBar() {
  const elder = useSyncExternalStore(elderSignal.subscribe, elderSignal.get)
  const route = useSyncExternalStore(shownRoute.subscribe, shownRoute.get)
  const selected = tabIndexOf(route ?? startingRoute())
  return (
    <View
      className={`tab-bar${elder ? ' tab-bar--elder' : ''}`}
      {...a11y('页面导航', 'navigation')}
    >
      {tabs.map((tab, i) => {
        const on = i === selected
        return (
          <View
            key={tab.pagePath}
            className={`tab-bar__item${on ? ' tab-bar__item--on' : ''}`}
            hoverClass="tab-bar__item--pressed"
            onClick={() => {
              if (on) return
              shownRoute.set(tab.pagePath)
              Taro.switchTab({ url: tab.pagePath }).catch((err: unknown) =>
                console.warn('tab switch failed', tab.pagePath, err),
              )
            }}
            {...a11y(on ? `${tab.text}，当前页面` : tab.text, 'button')}
          >
            <Image
              className="tab-bar__icon"
              src={on ? tab.activeIcon : tab.icon}
              mode="aspectFit"
              {...decorative()}
            />
            <Text className="tab-bar__label">{tab.text}</Text>
          </View>
        )
      })}
    </View>
  )
}
