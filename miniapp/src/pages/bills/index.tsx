import icon from '../../assets/tab/bills-active.png'
import type { QueryState } from '../../hooks/use-query'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { useAccountFromLink } from '../../account/account-from-link'
import { currentAccountStore } from '../../account/current-account-store'
import { useLoggedIn } from '../../auth/session'
import { shareCards } from '../../navigation/share'
import { billsSpeech } from '../../voice'

/** Bills arrive with the billing feature; until then a logged-in resident sees the empty state. */
const noBillsYet: QueryState<readonly never[]> = { status: 'success', data: [] }

export default function BillsPage() {
  const loggedIn = useLoggedIn()
  useAccountFromLink()
  return (
    <PageRoot share={() => shareCards.bills(loggedIn ? currentAccountStore.get() : undefined)}>
      <PageHeading title="账单" subtitle="燃气费、供暖费账单和缴费记录" />
      <ReadAloudBar what="账单" text={() => billsSpeech({ loggedIn, bills: [] })} />
      <PageShell
        state={noBillsYet}
        onRetry={() => undefined}
        requireLogin
        loginHint="登录并绑定户号后，可以查看账单和缴费记录"
        isEmpty={(bills) => bills.length === 0}
        emptyIcon={icon}
        emptyTitle="暂无账单"
        emptyHint="绑定户号后，账单会显示在这里"
      >
        {() => null}
      </PageShell>
    </PageRoot>
  )
}
