import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { PayShareToken } from '@gh/shared'
import type { SharedOrder } from '@gh/shared'
import { a11y } from '../../../a11y'
import { toApiError } from '../../../api'
import { useLoggedIn } from '../../../auth/session'
import { PageShell } from '../../../components/page-shell'
import { ReadAloudBar } from '../../../components/read-aloud'
import { showMessage } from '../../../elder/modal'
import type { QueryState } from '../../../hooks/use-query'
import { useQuery } from '../../../hooks/use-query'
import {
  getPayShare,
  payShared,
  shareCashierReturnUrl,
  useLiveSharedOrder,
  type PayOutcome,
} from '../../../payments'
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
  const [paying, setPaying] = useState(false)
  const payAgain = async (order: SharedOrder) => {
    if (paying) return
    setPaying(true)
    try {
      const result: PayOutcome | null = await payShared(order, shareCashierReturnUrl(token, order))
      if (result && result.kind !== 'redirected') {
        setOutcome(result.kind)
        refresh()
      }
    } catch (err) {
      void showMessage('没有成功', toApiError(err).message)
    } finally {
      setPaying(false)
    }
  }
  return (
    <PageShell state={state} onRetry={refresh} what="订单">
      {(order) => (
        <SharedOrderView
          order={order}
          outcome={outcome}
          paying={paying}
          onPay={() => void payAgain(order)}
          onRestart={onRestart}
        />
      )}
    </PageShell>
  )
}

const loggedOut: QueryState<null> = { status: 'loading' }

export interface SharePayBodyProps {
  /** The card's token (`?t=`). */
  token: string
  /** Back from the H5 cashier: the order to show. */
  orderNo: string | undefined
  outcome: string | undefined
}

/** What the card's page shows: login, the card and 去支付, or the order paid through it. */
export function SharePayBody({ token, orderNo, outcome }: SharePayBodyProps) {
  const loggedIn = useLoggedIn()
  const [placed, setPlaced] = useState<Placed | undefined>(() =>
    orderNo ? { orderNo: decodeURIComponent(orderNo), outcome } : undefined,
  )
  const valid = PayShareToken.safeParse(token)

  if (!valid.success) return <GoneCard text={valid.error.issues[0]?.message ?? ''} />
  if (!loggedIn) {
    return (
      <PageShell
        state={loggedOut}
        onRetry={() => undefined}
        requireLogin
        loginHint="登录后即可为家人代缴，不需要绑定家人的户号"
      >
        {() => null}
      </PageShell>
    )
  }
  if (placed) {
    return (
      <OrderSection
        key={placed.orderNo}
        token={token}
        placed={placed}
        onRestart={() => setPlaced(undefined)}
      />
    )
  }
  return <ShareSection token={token} onPlaced={setPlaced} />
}
