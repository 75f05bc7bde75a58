import { Text, View } from '@tarojs/components'
import { formatFen } from '@gh/shared'
import type { PaymentOrder } from '@gh/shared'
import { a11y, decorative } from '../../../a11y'
import { purposeNames, shortTime, toneOf } from '../../../payments'
import { toneMark } from '../../../payments/order-view'

/** One order in 缴费记录: what, how much, where it is now; a tap opens its timeline. */
export function OrderRow({ order, onOpen }: { order: PaymentOrder; onOpen: () => void }) {
  const tone = toneOf(order)
  const title = purposeNames[order.purpose]
  return (
    <View
      className="card order-row main-control"
      hoverClass="order-row--pressed"
      onClick={onOpen}
      // Named by the words it shows, so the name always holds the visible text.
      {...a11y(undefined, 'button')}
    >
      <View className="order-row__main">
        <Text className="order-row__title">{title}</Text>
        <Text className="order-row__amount">{formatFen(order.amountFen)}</Text>
      </View>
      <View className="order-row__main">
        <Text className={`order-row__state order-row__state--${tone}`}>
          <Text {...decorative()}>{toneMark[tone]} </Text>
          {order.stateLabel}
        </Text>
        <Text className="order-row__time">{shortTime(order.createdAt)}</Text>
      </View>
    </View>
  )
}
