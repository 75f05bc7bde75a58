import { Text, View } from '@tarojs/components'
import { formatFen, type PaymentOrder } from '@gh/shared'
import { shortTime } from '../order-status'
import { OrderTimeline } from './order-timeline'
import './index.scss'

type Facts = Pick<PaymentOrder, 'timeline' | 'toArrearsFen' | 'createdAt' | 'orderNo'>

/** 到账进度 and 订单信息: the same on one's own order and on one paid through a family card. */
export function OrderFacts({ order, account }: { order: Facts; account: string }) {
  return (
    <>
      <Text className="section-title">到账进度</Text>
      <View className="card">
        <OrderTimeline steps={order.timeline} />
      </View>
      <Text className="section-title">订单信息</Text>
      <View className="card order-info">
        <Text className="order-info__row">户号：{account}</Text>
        {order.toArrearsFen > 0 ? (
          <Text className="order-info__row">其中抵扣欠费：{formatFen(order.toArrearsFen)}</Text>
        ) : null}
        <Text className="order-info__row">下单时间：{shortTime(order.createdAt)}</Text>
        <Text className="order-info__row" selectable>
          订单号：{order.orderNo}
        </Text>
      </View>
    </>
  )
}
