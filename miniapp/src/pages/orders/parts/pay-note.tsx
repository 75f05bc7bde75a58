import { Text, View } from '@tarojs/components'
import type { PaymentOrder } from '@gh/shared'
import { a11y } from '../../../a11y'
import { isPayable } from '../../../payments'

const notes: Record<string, string> = {
  cancelled: '您已取消支付，没有扣款。',
  failed: '支付没有完成，没有扣款。',
  unknown: '正在确认支付结果，请稍候，不要重复支付。',
}

/**
 * What the platform's cashier said, next to what the order says now. A cancelled payment
 * leaves the order payable until it closes by itself, and says so.
 */
export function PayNote({ order, outcome }: { order: PaymentOrder; outcome: string | undefined }) {
  const payable = isPayable(order)
  const note = outcome ? notes[outcome] : undefined
  if (!note && !payable) return null
  const closesAt = order.expiresAt.slice(11, 16)
  return (
    <View className="card pay-note" {...a11y(undefined, 'status')}>
      {note ? <Text className="pay-note__title">{note}</Text> : null}
      {payable ? (
        <Text className="card__text">
          订单还可以继续支付；不想支付可以不用管它，{closesAt}{' '}
          后会自动关闭，不会扣款。需要时可重新充值。
        </Text>
      ) : null}
    </View>
  )
}
