import { useRef } from 'react'
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
import { heatingKey, loadHeating, type HeatingData } from './api'
import { ComplaintSection } from './parts/complaint-section'
import { SeasonCard } from './parts/season-card'
import { StopSection } from './parts/stop-section'
import { heatingSpeech } from './speech'
import '../../repairs/view/index.scss'
import './index.scss'

/** While a visit or a fix is pending the complaint moves by itself: ask again now and then. */
const OPEN_COMPLAINT_POLL_MS = 60_000

function HeatingBody(props: { accountNo: string; onLoaded: (data: HeatingData) => void }) {
  const { accountNo, onLoaded } = props
  const { state, retry } = useQuery(
    heatingKey(accountNo),
    async () => {
      const data = await loadHeating(accountNo)
      if (data) onLoaded(data)
      return data
    },
    {
      pollMs: (data) =>
        data && data.overview.complaint.open !== null ? OPEN_COMPLAINT_POLL_MS : null,
    },
  )
  return (
    <PageShell
      state={state}
      onRetry={retry}
      what="供暖信息"
      isEmpty={(data) => data === null}
      emptyTitle="该户号没有集中供暖"
      emptyHint="供暖业务只对集中供热的户号开放，可以在上面切换到供暖的户号。"
    >
      {(data) =>
        data && (
          <>
            <SeasonCard overview={data.overview} />
            <StopSection accountNo={accountNo} stops={data.stops} />
            <ComplaintSection accountNo={accountNo} complaints={data.complaints} />
          </>
        )
      }
    </PageShell>
  )
}

/**
 * 供暖 for the current account (`?accountNo=` from a link makes a bound one current): the
 * season and its fee, 报停 / 恢复供暖 with the fee effect before submitting, and 室温不达标
 * from the reading to the compensation on the next bill.
 */
export default function HeatingPage() {
  const loggedIn = useLoggedIn()
  const { elder } = useElderMode()
  useAccountFromLink()
  const accounts = useCurrentAccount()
  const shown = useRef<HeatingData | undefined>(undefined)
  const { current } = accounts
  return (
    <PageRoot>
      <PageHeading title="供暖" {...(elder ? {} : { subtitle: '采暖季、报停和室温投诉' })} />
      <ReadAloudBar
        what="供暖情况"
        text={() =>
          heatingSpeech(
            loggedIn,
            shown.current?.overview.accountNo === current?.accountNo ? shown.current : undefined,
          )
        }
      />
      <AccountPageShell
        accounts={accounts}
        loginHint="登录并绑定户号后，可以查看采暖季、报停和室温投诉"
        unboundHint="绑定集中供热的户号后，采暖季和热费会显示在这里。"
      >
        {(account) => (
          <HeatingBody
            key={account.accountNo}
            accountNo={account.accountNo}
            onLoaded={(data) => {
              shown.current = data
            }}
          />
        )}
      </AccountPageShell>
    </PageRoot>
  )
}
