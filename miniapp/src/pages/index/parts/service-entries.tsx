import { Image, Text, View } from '@tarojs/components'
import { a11y, decorative } from '../../../a11y'
import billsIcon from '../../../assets/tab/bills-active.png'
import repairsIcon from '../../../assets/tab/repairs-active.png'
import { openPage, pages } from '../../../navigation/pages'

const entries: { title: string; hint: string; icon?: string; mark?: string; url: string }[] = [
  { title: '交燃气费', hint: '充值、看到账进度', mark: '¥', url: pages.recharge },
  { title: '查账单', hint: '账单和缴费记录', icon: billsIcon, url: pages.bills },
  { title: '报修', hint: '燃气、暖气故障', icon: repairsIcon, url: pages.repairs },
  { title: '供暖', hint: '报停、室温投诉', mark: '暖', url: pages.heating },
  { title: '安全用气', hint: '停气通知、写卡网点', mark: '安', url: '/pages/safety/index' },
  { title: '燃气报装', hint: '新房开通、通气点火', mark: '装', url: pages.connection },
]

export function ServiceEntries() {
  return (
    <View className="service-entries">
      <Text className="section-title">常用服务</Text>
      <View className="service-entries__grid">
        {entries.map((entry) => (
          <View
            key={entry.url}
            className="service-entries__item main-control"
            hoverClass="service-entries__item--pressed"
            onClick={() => openPage(entry.url)}
            // Named by its visible title and hint (no aria-label that could drift from them).
            {...a11y(undefined, 'button')}
          >
            {entry.icon ? (
              <Image className="service-entries__icon" src={entry.icon} {...decorative()} />
            ) : (
              <Text className="service-entries__icon service-entries__mark" {...decorative()}>
                {entry.mark}
              </Text>
            )}
            <Text className="service-entries__title">{entry.title}</Text>
            <Text className="service-entries__hint">{entry.hint}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
