import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useRef } from 'react'
import { formatFen } from '@gh/shared'
import type { PaymentOrder } from '@gh/shared'
import { a11y } from '../../a11y'
import { spacedAccountNo } from '../../account/labels'
import { randomKey } from '../../api/client'
import { ActionButton } from '../../components/action-button'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { showModal } from '../../elder/modal'
import { useAction } from '../../hooks/use-action'
import { openPage, pages } from '../../navigation/pages'
import { shareCards } from '../../navigation/share'
import {
  cashierReturnUrl,
  isFinal,
  isPayable,
  orderPageUrl,
  payOrder,
  toneOf,
  type OrderPurpose,
} from '../../payments'
import { OrderFacts, toneMark } from '../../payments/order-view'
import { closeOrder } from './api'
import { OrderHelp } from './parts/order-help'
import { PayNote } from './parts/pay-note'
import { orderSpeech } from './speech'
import { useLiveOrder } from './use-live-order'
import '../../styles/order-status.scss'
import './index.scss'

function OrderView(props: {
  order: PaymentOrder
  outcome: string | undefined
  onChanged: () => void
}) {
  const { order, outcome, onChanged } = props
  // One key per order: tapping 取消订单 twice (or retrying) closes it once.
  const closeKey = useRef(randomKey())
  const cancel = useAction(async () => {
    const confirmed = await showModal({
      title: '取消订单',
      content: '取消后这笔订单不能再支付，没有扣款。确定取消吗？',
      confirmText: '取消订单',
      cancelText: '再想想',
    })
    if (!confirmed) return
    await closeOrder(order.accountNo, order.orderNo, order.purpose, closeKey.current)
    onChanged()
  })
  const tone = toneOf(order)
  const payAgain = useAction(async () => {
    const result = await payOrder(order, cashierReturnUrl(order))
    if (result && result.kind !== 'redirected') {
      Taro.redirectTo({ url: orderPageUrl(order, result) }).catch(() => undefined)
    }
  })
  return (
    <>
      <ReadAloudBar what="金额、户号和到账进度" text={() => orderSpeech(order)} />
      <View className={`card order-status order-status--${tone}`}>
        <Text className="order-status__state" {...a11y(undefined, 'status')}>
          {toneMark[tone]} {order.stateLabel}
        </Text>
        <Text className="order-status__amount">{formatFen(order.amountFen)}</Text>
        {order.hint ? <Text className="order-status__hint">{order.hint}</Text> : null}
        <Text className="order-status__live">
          {isFinal(order) ? '已是最终结果' : '进度会自动刷新，无需重复操作'}
        </Text>
      </View>
      <PayNote order={order} outcome={outcome} />
      {isPayable(order) ? (
        <View className="order-page__action">
          <ActionButton main onClick={() => void payAgain.run()}>
            {payAgain.busy ? '正在打开支付…' : '继续支付'}
          </ActionButton>
          <ActionButton variant="secondary" onClick={() => void cancel.run()}>
            取消订单
          </ActionButton>
        </View>
      ) : null}
      {order.state === 'CLOSED' ? (
        <View className="order-page__action">
          <ActionButton main onClick={() => openPage(pages.recharge)}>
            重新充值
          </ActionButton>
        </View>
      ) : null}
      <OrderHelp order={order} />
      <OrderFacts order={order} account={spacedAccountNo(order.accountNo)} />
    </>
  )
}

/** One order: where the money is now, refreshed while it moves, and what to do meanwhile. */
export default function OrderDetailPage() {
  const { params } = useRouter()
  const purpose: OrderPurpose = params.purpose === 'bill' ? 'bill' : 'recharge'
  const accountNo = params.accountNo ?? ''
  const orderNo = decodeURIComponent(params.orderNo ?? '')
  const { state, refresh } = useLiveOrder(accountNo, orderNo, purpose)
  return (
    <PageRoot share={() => shareCards.order({ accountNo, orderNo, purpose })}>
      <PageHeading title="订单详情" />
      <PageShell state={state} onRetry={refresh} requireLogin what="订单">
        {(order) => <OrderView order={order} outcome={params.outcome} onChanged={refresh} />}
      </PageShell>
    </PageRoot>
  )
}
