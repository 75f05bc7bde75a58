import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import type { AccountChanges } from '@gh/shared'
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
import { changesKey, loadChanges } from './api'
import { ChangeCard } from './parts/change-card'
import { ChangeForm } from './parts/change-form'
import { accountChangesSpeech } from './speech'
import './index.scss'

/** While a request is under review it moves by itself: ask again now and then. */
const OPEN_REQUEST_POLL_MS = 60_000

function ChangesBody(props: {
  accountNo: string
  onLoaded: (data: AccountChanges) => void
  onKind: (label: string | undefined) => void
}) {
  const { accountNo, onLoaded, onKind } = props
  const { state, retry } = useQuery(
    changesKey(accountNo),
    async () => {
      const data = await loadChanges(accountNo)
      onLoaded(data)
      return data
    },
    { pollMs: (data) => (data && !data.canApply ? OPEN_REQUEST_POLL_MS : null) },
  )
  return (
    <PageShell state={state} onRetry={retry} what="申请记录">
      {(data) => (
        <>
          {data.canApply ? (
            <ChangeForm accountNo={accountNo} onKind={onKind} />
          ) : (
            <View className="card">
              <Text className="change-page__reason">{data.reason ?? '现在不能申请'}</Text>
            </View>
          )}
          <Text className="section-title">申请记录</Text>
          {data.changes.length === 0 ? (
            <View className="card">
              <Text className="change-page__empty">还没有申请记录</Text>
            </View>
          ) : (
            data.changes.map((change) => <ChangeCard key={change.changeId} change={change} />)
          )}
        </>
      )}
    </PageShell>
  )
}

/**
 * 过户 / 销户 / 信息变更 for the current account (`?accountNo=` from a link makes a bound one
 * current): a new request with photos of the documents, and each request's progress and result.
 */
export default function AccountChangesPage() {
  const loggedIn = useLoggedIn()
  const { elder } = useElderMode()
  useAccountFromLink()
  const accounts = useCurrentAccount()
  const shown = useRef<AccountChanges | undefined>(undefined)
  const [choosing, setChoosing] = useState<string | undefined>(undefined)
  const { current } = accounts
  return (
    <PageRoot>
      <PageHeading
        title="过户·销户·信息变更"
        {...(elder ? {} : { subtitle: '在线提交证件照片，办理进度随时看' })}
      />
      <ReadAloudBar
        what="办理情况"
        text={() =>
          accountChangesSpeech(
            loggedIn,
            shown.current?.accountNo === current?.accountNo ? shown.current : undefined,
            choosing,
          )
        }
      />
      <AccountPageShell
        accounts={accounts}
        loginHint="登录并绑定户号后，可以在线办理过户、销户和信息变更"
        unboundHint="绑定户号后，可以在这里办理过户、销户和信息变更。"
      >
        {(account) => (
          <ChangesBody
            key={account.accountNo}
            accountNo={account.accountNo}
            onLoaded={(data) => {
              shown.current = data
            }}
            onKind={setChoosing}
          />
        )}
      </AccountPageShell>
    </PageRoot>
  )
}
