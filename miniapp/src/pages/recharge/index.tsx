import { useRouter } from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import type { BoundAccount, PayShare } from '@gh/shared'
import { AccountPageShell } from '../../account/account-page-shell'
import { useCurrentAccount } from '../../account/current-account'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { useQuery } from '../../hooks/use-query'
import { shareCards, type ShareCard } from '../../navigation/share'
import { getPaymentOptions } from '../../payments'
import { AccountStatus } from './parts/account-status'
import { RechargeForm } from './parts/recharge-form'
import './index.scss'

interface RechargeBodyProps {
  account: BoundAccount
  onShare: (share: PayShare | undefined) => void
}

function RechargeBody({ account, onShare }: RechargeBodyProps) {
  const { state, retry } = useQuery(() => getPaymentOptions(account.accountNo))
  return (
    <PageShell state={state} onRetry={retry} what="充值信息">
      {(options) => (
        <>
          <AccountStatus summary={account.summary} options={options} />
          <RechargeForm accountNo={account.accountNo} options={options} onShare={onShare} />
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

  return (
    <PageRoot share={shareCard}>
      <PageHeading title="交燃气费" subtitle="充值后可在缴费记录查看到账进度" />
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
          />
        )}
      </AccountPageShell>
    </PageRoot>
  )
}
