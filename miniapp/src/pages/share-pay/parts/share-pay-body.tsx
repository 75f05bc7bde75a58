import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { PayShareToken } from '@gh/shared'
import type { SharedOrder } from '@gh/shared'
import { a11y } from '../../../a11y'
import { PageShell, RequireLogin } from '../../../components/page-shell'
import { ReadAloudBar } from '../../../components/read-aloud'
import { useAction } from '../../../hooks/use-action'
import { useQuery } from '../../../hooks/use-query'
import { getPayShare, payShared } from '../api'
import { shareCashierReturnUrl } from '../share-link'
import { useLiveSharedOrder } from '../shared-order'
import { SharedOrderView } from './shared-order-view'
import { SharePayForm } from './share-pay-form'
import { shareSpeech } from './share-speech'
import { ShareSummary } from './share-summary'

interface Placed {
  orderNo: string
  outcome: string | undefined
}

function GoneCard({ text }: { text: string }) {
  return (
    <View className="card share-gone" {...a11y(undefined, 'alert')}>
      <Text className="card__title">这个代缴链接用不了了</Text>
      <Text className="card__text">{text}</Text>
    </View>
  )
}

function ShareSection({ token, onPlaced }: { token: string; onPlaced: (p: Placed) => void }) {
  const { state, retry } = useQuery(['user', 'payShare', token], () => getPayShare(token))
  if (state.status === 'error' && state.error.code === 'NOT_FOUND') {
    return <GoneCard text={state.error.message} />
  }
  return (
    <PageShell state={state} onRetry={retry} what="代缴信息">
      {(share) => (
        <>
          <ReadAloudBar what="缴费项目、金额和户号" text={() => shareSpeech(share)} />
          <ShareSummary share={share} />
          <SharePayForm
            share={share}
            onPlaced={(order, outcome) =>
              onPlaced({ orderNo: order.orderNo, outcome: outcome?.kind })
            }
          />
        </>
      )}
    </PageShell>
  )
}

function OrderSection(props: { token: string; placed: Placed; onRestart: () => void }) {
  const { token, placed, onRestart } = props
  const { state, refresh } = useLiveSharedOrder(token, placed.orderNo)
  const [outcome, setOutcome] = useState(placed.outcome)
  const payAgain = useAction(async (order: SharedOrder) => {
    const result = await payShared(order, shareCashierReturnUrl(token, order))
    if (result && result.kind !== 'redirected') {
      setOutcome(result.kind)
      refresh()
    }
  })
  return (
    <PageShell state={state} onRetry={refresh} what="订单">
      {(order) => (
        <SharedOrderView
          order={order}
          outcome={outcome}
          paying={payAgain.busy}
          onPay={() => void payAgain.run(order)}
          onRestart={onRestart}
        />
      )}
    </PageShell>
  )
}

export interface SharePayBodyProps {
  /** The card's token (`?t=`). */
  token: string
  /** Back from the H5 cashier: the order to show. */
  orderNo: string | undefined
  outcome: string | undefined
}

/** What the card's page shows: login, the card and 去支付, or the order paid through it. */
export function SharePayBody({ token, orderNo, outcome }: SharePayBodyProps) {
  const [placed, setPlaced] = useState<Placed | undefined>(() =>
    orderNo ? { orderNo: decodeURIComponent(orderNo), outcome } : undefined,
  )
  const valid = PayShareToken.safeParse(token)

  if (!valid.success) return <GoneCard text={valid.error.issues[0]?.message ?? ''} />
  return (
    <RequireLogin loginHint="登录后即可为家人代缴，不需要绑定家人的户号">
      {placed ? (
        <OrderSection
          key={placed.orderNo}
          token={token}
          placed={placed}
          onRestart={() => setPlaced(undefined)}
        />
      ) : (
        <ShareSection token={token} onPlaced={setPlaced} />
      )}
    </RequireLogin>
  )
}
