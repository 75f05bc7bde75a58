import { useRef } from 'react'
import type { Inspections } from '@gh/shared'
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
import { inspectionsKey, loadInspections } from './api'
import { BookCard, LastCard, NextCard, SupplyCard } from './parts/visit-cards'
import { inspectionsSpeech } from './speech'
import './index.scss'

/** While a visit is booked it is done by itself at its window: ask again now and then. */
const BOOKED_POLL_MS = 60_000

function InspectionsBody(props: { accountNo: string; onShown: (data: Inspections) => void }) {
  const { accountNo, onShown } = props
  const { state, retry } = useQuery(inspectionsKey(accountNo), () => loadInspections(accountNo), {
    pollMs: (data) => (data?.next ? BOOKED_POLL_MS : null),
  })
  return (
    <PageShell state={state} onRetry={retry} what="安检记录">
      {(data) => {
        // What 朗读 reads: the answer on screen, also after a booking replaced it.
        onShown(data)
        return (
          <>
            <SupplyCard accountNo={accountNo} data={data} />
            <LastCard last={data.last} />
            {data.next ? (
              <NextCard accountNo={accountNo} next={data.next} data={data} />
            ) : (
              <BookCard accountNo={accountNo} data={data} />
            )}
          </>
        )
      }}
    </PageShell>
  )
}

/**
 * 入户安检 for the current account: the last inspection and what it found, the booked next one
 * (改约, 取消) or a slot to book it in. A suspended account (安检不合格已停气) sees what failed
 * and books the 复检; once it passes, the page says gas is back and offers 充值.
 */
export default function InspectionsPage() {
  const loggedIn = useLoggedIn()
  const { elder } = useElderMode()
  useAccountFromLink()
  const accounts = useCurrentAccount()
  const shown = useRef<Inspections | undefined>(undefined)
  return (
    <PageRoot>
      <PageHeading title="入户安检" {...(elder ? {} : { subtitle: '安检结果、预约和改约' })} />
      <ReadAloudBar what="入户安检" text={() => inspectionsSpeech(loggedIn, shown.current)} />
      <AccountPageShell
        accounts={accounts}
        records={false}
        loginHint="登录并绑定户号后，可以查看安检结果、预约入户安检"
        unboundHint="绑定燃气户号后，可以查看安检结果、预约入户安检。"
      >
        {(account) => (
          <InspectionsBody
            key={account.accountNo}
            accountNo={account.accountNo}
            onShown={(data) => {
              shown.current = data
            }}
          />
        )}
      </AccountPageShell>
    </PageRoot>
  )
}
