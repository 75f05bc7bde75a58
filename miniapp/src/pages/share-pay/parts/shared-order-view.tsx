import { Text, View } from '@tarojs/components'
import { formatFen } from '@gh/shared'
import type { SharedOrder } from '@gh/shared'
import { a11y } from '../../../a11y'
import { ActionButton } from '../../../components/action-button'
import { ReadAloudBar } from '../../../components/read-aloud'
import { OrderFacts, toneMark } from '../../../payments/order-view'
import { sharedOrderStatus } from '../shared-order'
import { sharedOrderSpeech } from './share-speech'

const outcomeNotes: Record<string, string> = {
  cancelled: '您已取消支付，没有扣款。',
  failed: '支付没有完成，没有扣款。',
  unknown: '正在确认支付结果，请稍候，不要重复支付。',
}

export interface SharedOrderViewProps {
  order: SharedOrder
  /** What the platform's cashier said, when the payer just came back from it. */
  outcome: string | undefined
  paying: boolean
  /** 继续支付: the order can still be paid. */
  onPay: () => void
  /** 重新支付: the order closed unpaid; back to the card for a new one. */
  onRestart: () => void
}

/** The order paid through the card: where the money is now, refreshed while it moves. */
export function SharedOrderView({
  order,
  outcome,
  paying,
  onPay,
  onRestart,
}: SharedOrderViewProps) {
  const status = sharedOrderStatus(order)
  const note = outcome ? outcomeNotes[outcome] : undefined
  return (
    <>
      <ReadAloudBar what="金额和到账进度" text={() => sharedOrderSpeech(order)} />
      <View className={`card order-status order-status--${status.tone}`}>
        <Text className="order-status__state" {...a11y(undefined, 'status')}>
          {toneMark[status.tone]} {order.stateLabel}
        </Text>
        <Text className="order-status__amount">{formatFen(order.amountFen)}</Text>
        {order.hint ? <Text className="order-status__hint">{order.hint}</Text> : null}
        <Text className="order-status__live">
          {status.final ? '已是最终结果' : '进度会自动刷新，无需重复操作'}
        </Text>
      </View>
      {note || status.payable ? (
        <View className="card pay-note" {...a11y(undefined, 'status')}>
          {note ? <Text className="pay-note__title">{note}</Text> : null}
          {status.payable ? (
            <Text className="card__text">
              订单还可以继续支付；不想支付可以不用管它，{order.expiresAt.slice(11, 16)}{' '}
              后会自动关闭，不会扣款。
            </Text>
          ) : null}
        </View>
      ) : null}
      {status.payable ? (
        <View className="share-pay__action">
          <ActionButton main onClick={onPay}>
            {paying ? '正在打开支付…' : '继续支付'}
          </ActionButton>
        </View>
      ) : null}
      {order.state === 'CLOSED' ? (
        <View className="share-pay__action">
          <ActionButton main onClick={onRestart}>
            重新支付
          </ActionButton>
        </View>
      ) : null}
      <OrderFacts order={order} account={order.accountNoMasked} />
    </>
  )
}
