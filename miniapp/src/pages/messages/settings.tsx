import { useCallback, useRef } from 'react'
import type { NotificationSettings } from '@gh/shared'
import { useAccountFromLink } from '../../account/account-from-link'
import { AccountPageShell } from '../../account/account-page-shell'
import { useCurrentAccount } from '../../account/current-account'
import { accountTitle } from '../../account/labels'
import { useLoggedIn } from '../../auth/session'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { useQuery } from '../../hooks/use-query'
import { getNotificationSettings } from './api'
import { SettingsForm, settingsKey } from './parts/settings-form'
import type { Draft } from './settings-form'
import { settingsSpeech } from './speech'
import { subscriptions } from './subscribe'
import './index.scss'

interface Shown {
  accountNo: string
  settings: NotificationSettings
  draft: Draft
}

function SettingsBody({
  accountNo,
  onShown,
}: {
  accountNo: string
  onShown: (shown: Shown) => void
}) {
  const { state, retry } = useQuery(settingsKey(accountNo), () =>
    getNotificationSettings(accountNo),
  )
  const settings = state.status === 'success' ? state.data : undefined
  const shown = useCallback(
    (draft: Draft) => {
      if (settings) onShown({ accountNo, settings, draft })
    },
    [accountNo, settings, onShown],
  )
  return (
    <PageShell state={state} onRetry={retry} what="消息设置">
      {(loaded) => <SettingsForm accountNo={accountNo} settings={loaded} onShown={shown} />}
    </PageShell>
  )
}

/**
 * 消息设置 of the current account (`?accountNo=` from 我的户号 makes it current): which events
 * to be told of (余额不足 with its amount) and how (站内消息 always, 订阅消息, 短信).
 */
export default function MessageSettingsPage() {
  const loggedIn = useLoggedIn()
  useAccountFromLink()
  const accounts = useCurrentAccount()
  const { current } = accounts
  const shown = useRef<Shown | undefined>(undefined)
  const onShown = useCallback((next: Shown) => {
    shown.current = next
  }, [])

  const speech = () => {
    const body = shown.current?.accountNo === current?.accountNo ? shown.current : undefined
    return settingsSpeech({
      loggedIn,
      channel: subscriptions.channel,
      ...(current
        ? { account: { title: accountTitle(current), accountNo: current.accountNo } }
        : {}),
      ...(body ? { settings: body.settings, draft: body.draft } : {}),
    })
  }

  return (
    <PageRoot>
      <PageHeading title="消息设置" subtitle="提醒哪些事、怎样提醒您" />
      <ReadAloudBar what="提醒开关" text={speech} />
      <AccountPageShell
        accounts={accounts}
        loginHint="登录并绑定户号后，可以设置账单、余额不足、停气等提醒。"
        unboundHint="绑定户号后，可以设置这个户号的提醒。"
        records={false}
      >
        {(account) => (
          <SettingsBody key={account.accountNo} accountNo={account.accountNo} onShown={onShown} />
        )}
      </AccountPageShell>
    </PageRoot>
  )
}
