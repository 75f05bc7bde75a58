import { useRouter } from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import type { BillList, PayShare } from '@gh/shared'
import icon from '../../assets/tab/bills-active.png'
import { useAccountFromLink } from '../../account/account-from-link'
import { AccountPageShell } from '../../account/account-page-shell'
import { useCurrentAccount } from '../../account/current-account'
import { useLoggedIn } from '../../auth/session'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { useElderMode } from '../../elder'
import { useQuery } from '../../hooks/use-query'
import { shareCards, type ShareCard } from '../../navigation/share'
import { loadBills } from './api'
import { BillList as Bills } from './parts/bill-list'
import { OwedCard } from './parts/owed-card'
import { billFacts, billsSpeech } from './speech'
import './index.scss'

interface BillsBodyProps {
  accountNo: string
  openBillId: string | undefined
  onLoaded: (list: BillList) => void
  onShare: (share: PayShare | undefined) => void
  onOpenChange: (open: ReadonlySet<string>) => void
}

function BillsBody({ accountNo, openBillId, onLoaded, onShare, onOpenChange }: BillsBodyProps) {
  // Asked again when the page shows: back from paying (a tab page stays mounted), what is owed
  // has moved on.
  const { state, retry } = useQuery(['user', 'bills', accountNo], () => loadBills(accountNo))
  const loaded = state.status === 'success' ? state.data.list : undefined
  useEffect(() => {
    if (loaded) onLoaded(loaded)
  }, [loaded, onLoaded])
  return (
    <PageShell
      state={state}
      onRetry={retry}
      what="账单"
      isEmpty={({ list }) => list.bills.length === 0 && list.due.amountDueFen === 0}
      emptyIcon={icon}
      emptyTitle="暂无账单"
      emptyHint="该户号还没有账单。充值（预付费）的户号不出月度账单，可在“交燃气费”中充值。"
    >
      {({ list, options }) => (
        <>
          <OwedCard
            accountNo={accountNo}
            due={list.due}
            refusal={options?.bill.refusal ?? null}
            onShare={onShare}
          />
          <Bills
            bills={list.bills}
            {...(openBillId ? { openBillId } : {})}
            onOpenChange={onOpenChange}
          />
        </>
      )}
    </PageShell>
  )
}

/** Unpaid bills and the ones the resident opened are read with their details (阶梯, 滞纳金). */
function speech(loggedIn: boolean, list: BillList | undefined, open: ReadonlySet<string>): string {
  if (!list) return billsSpeech({ loggedIn, bills: [] })
  return billsSpeech({
    loggedIn,
    bills: list.bills.map((b) => billFacts(b, b.status !== 'paid' || open.has(b.billId))),
    owedFen: list.due.amountDueFen,
    lateFeeFen: list.due.lateFeeFen,
  })
}

/**
 * 账单: what the current account owes now (立即缴费, 请家人代缴) and its bills, each opening to
 * its lines. `?accountNo=` (a shared card or an agent's link) makes that account current when it
 * is bound; `&billId=` opens that bill.
 */
export default function BillsPage() {
  const loggedIn = useLoggedIn()
  const { elder } = useElderMode()
  useAccountFromLink()
  const { params } = useRouter()
  const accounts = useCurrentAccount()
  const { current } = accounts
  const list = useRef<BillList | undefined>(undefined)
  const openBills = useRef<ReadonlySet<string>>(new Set(params.billId ? [params.billId] : []))
  // Once 请家人代缴 made a card, sharing the page sends the card (pay without binding).
  const payShare = useRef<PayShare | undefined>(undefined)
  const shareCard = (): ShareCard =>
    payShare.current
      ? { title: '请帮我交一下燃气、暖气账单', path: payShare.current.path }
      : shareCards.bills(current?.accountNo)

  return (
    <PageRoot share={shareCard}>
      {/* Elderly mode: one line less above what is owed and the 立即缴费 button. */}
      <PageHeading title="账单" {...(elder ? {} : { subtitle: '燃气费、供暖费账单和缴费记录' })} />
      <ReadAloudBar
        what="应缴金额和账单"
        text={() =>
          speech(
            loggedIn,
            list.current?.accountNo === current?.accountNo ? list.current : undefined,
            openBills.current,
          )
        }
      />
      <AccountPageShell
        accounts={accounts}
        loginHint="登录并绑定户号后，可以查看账单和缴费记录"
        unboundHint="绑定户号后，账单会显示在这里。"
      >
        {(account) => (
          <BillsBody
            key={account.accountNo}
            accountNo={account.accountNo}
            openBillId={params.billId}
            onLoaded={(loaded) => {
              list.current = loaded
            }}
            onShare={(share) => {
              payShare.current = share
            }}
            onOpenChange={(open) => {
              openBills.current = open
            }}
          />
        )}
      </AccountPageShell>
    </PageRoot>
  )
}
