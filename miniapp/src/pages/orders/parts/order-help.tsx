import { Text, View } from '@tarojs/components'
import type { PaymentOrder } from '@gh/shared'
import { ActionButton } from '../../../components/action-button'
import { openPage, pages } from '../../../navigation/pages'

/** What the resident can do while the money is on its way (the field's "充值成功但不能用气"). */
export function OrderHelp({ order }: { order: PaymentOrder }) {
  const waitingForMeter =
    order.purpose === 'recharge' && (order.state === 'PAID' || order.state === 'CREDITING')
  const cardOrder = order.timeline.some((s) => s.state === 'AWAITING_CARD_WRITE')
  if (waitingForMeter && !cardOrder) {
    return (
      <View className="card order-help">
        <Text className="card__title">等待到账时，您可以</Text>
        <Text className="order-help__item">
          1. 按一下气表上的“通讯”按钮（或按气表说明唤醒），气表联网后马上到账。
        </Text>
        <Text className="order-help__item">
          2. 不用重复充值：钱已付，到账后这里会自动更新，这页可以放着不管。
        </Text>
      </View>
    )
  }
  if (order.state === 'AWAITING_CARD_WRITE') {
    return (
      <View className="card order-help">
        <Text className="card__title">下一步：写卡</Text>
        <Text className="order-help__item">
          请带上燃气卡，到就近的营业厅或自助写卡点把充值写入卡里，再把卡插回气表。
        </Text>
        <Text className="order-help__item">写卡没有时间限制，钱不会丢。</Text>
        <View className="order-help__action">
          <ActionButton main onClick={() => openPage(pages.writePoints)}>
            查看附近写卡点
          </ActionButton>
        </View>
      </View>
    )
  }
  return null
}
