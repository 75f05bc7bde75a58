import { useRouter } from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import type { BoundAccount, PaymentOptions, PayShare } from '@gh/shared'
import { AccountPageShell } from '../../account/account-page-shell'
import { useCurrentAccount } from '../../account/current-account'
import { accountTitle } from '../../account/labels'
import { useLoggedIn } from '../../auth/session'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { useQuery } from '../../hooks/use-query'
import { shareCards, type ShareCard } from '../../navigation/share'
import { getPaymentOptions } from '../../payments'
import { AccountStatus } from './parts/account-status'
import { RechargeForm } from './parts/recharge-form'
import { rechargeSpeech } from './speech'
import './index.scss'

/** What the body shows, for 朗读: the options loaded and the amount 去支付 would pay. */
interface Shown {
  accountNo: string
  options: PaymentOptions
  amountFen: number | null
}

interface RechargeBodyProps {
  account: BoundAccount
  onShare: (share: PayShare | undefined) => void
  onShown: (shown: Shown) => void
}

function RechargeBody({ account, onShare, onShown }: RechargeBodyProps) {
  const { accountNo } = account
  const { state, retry } = useQuery(['user', 'paymentOptions', accountNo], () =>
    getPaymentOptions(accountNo),
  )
  return (
    <PageShell state={state} onRetry={retry} what="充值信息">
      {(options) => (
        <>
          <AccountStatus summary={account.summary} options={options} />
          <RechargeForm
            accountNo={account.accountNo}
            options={options}
            onShare={onShare}
            onChosen={(amountFen) => onShown({ accountNo, options, amountFen })}
          />
        </>
      )}
    </PageShell>
  )
}

/**
 * 交燃气费: top up the current account. `?accountNo=` (an agent's or family member's link)
 * makes that account current when it is bound.
 */
export default function RechargePage() {
  const loggedIn = useLoggedIn()
  const { params } = useRouter()
  const accounts = useCurrentAccount()
  const { state, current, select } = accounts
  const linked = state.status === 'success' ? params.accountNo : undefined
  useEffect(() => {
    if (state.status !== 'success' || !linked) return
    if (state.data.some((a) => a.accountNo === linked)) select(linked)
  }, [state, linked, select])
  // Once 请家人代缴 made a card, sharing the page sends the card (pay without binding).
  const payShare = useRef<PayShare | undefined>(undefined)
  const shareCard = (): ShareCard =>
    payShare.current
      ? { title: shareCards.recharge().title, path: payShare.current.path }
      : shareCards.recharge(current?.accountNo)
  const shown = useRef<Shown | undefined>(undefined)
  const speech = () => {
    const body = shown.current?.accountNo === current?.accountNo ? shown.current : undefined
    return rechargeSpeech({
      loggedIn,
      accountsLoading: loggedIn && state.status !== 'success',
      ...(current
        ? {
            account: {
              title: accountTitle(current),
              accountNo: current.accountNo,
              suspended: current.summary?.status === 'suspended',
            },
          }
        : {}),
      ...(body ? { options: body.options, amountFen: body.amountFen } : {}),
    })
  }

  return (
    <PageRoot share={shareCard}>
      <PageHeading title="交燃气费" subtitle="充值后可在缴费记录查看到账进度" />
      <ReadAloudBar what="余额、欠费和充值金额" text={speech} />
      <AccountPageShell
        accounts={accounts}
        loginHint="登录并绑定户号后可以充值"
        unboundHint="绑定户号后才能充值。"
      >
        {(account) => (
          <RechargeBody
            key={account.accountNo}
            account={account}
            onShare={(share) => {
              payShare.current = share
            }}
            onShown={(body) => {
              shown.current = body
            }}
          />
        )}
      </AccountPageShell>
    </PageRoot>
  )
}
