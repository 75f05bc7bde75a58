import { Text, View } from '@tarojs/components'
import { AccountSwitcher } from '../../account/account-switcher'
import { currentAccountStore } from '../../account/current-account-store'
import { useCurrentAccount } from '../../account/current-account'
import { accountTitle } from '../../account/labels'
import { useLoggedIn } from '../../auth/session'
import { ActionButton } from '../../components/action-button'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { showModal } from '../../elder/modal'
import { useAction } from '../../hooks/use-action'
import { openPage, pages } from '../../navigation/pages'
import { unbindAccount, updateBinding } from './api'
import { AccountCard } from './parts/account-card'
import { accountsPageSpeech } from './speech'
import './index.scss'

function confirm(title: string, content: string, confirmText: string): Promise<boolean> {
  return showModal({ title, content, confirmText, cancelText: '取消', danger: true })
}

/** 户号管理: every bound account, the current one, and binding, renaming, unbinding. */
export default function AccountsPage() {
  const loggedIn = useLoggedIn()
  // Asked again when the page shows (back from 绑定 or 家人) and after every change made here.
  const { state, current, select, reload } = useCurrentAccount()

  // One change at a time, whichever card it is on; a failure opens 没有成功.
  const change = useAction((write: () => Promise<unknown>) => write())
  const act = (write: () => Promise<unknown>) => () => change.run(write)

  return (
    <PageRoot>
      <PageHeading title="我的户号" subtitle="可以绑定多个户号，比如自己家和父母家" />
      <ReadAloudBar
        what="户号和户主"
        text={() => accountsPageSpeech(loggedIn, state, current?.accountNo)}
      />
      <PageShell
        state={state}
        onRetry={reload}
        requireLogin
        loginHint="登录后可以绑定和管理户号"
        what="户号列表"
      >
        {(accounts) => (
          <>
            {current ? (
              <AccountSwitcher accounts={accounts} current={current} onSelect={select} />
            ) : (
              <View className="card">
                <Text className="card__title">还没有绑定户号</Text>
                <Text className="card__text">绑定后可以交费、查账单和报修。</Text>
              </View>
            )}
            <View className="accounts-page__actions">
              <ActionButton main onClick={() => openPage(pages.bind)}>
                绑定新户号
              </ActionButton>
              <ActionButton variant="secondary" onClick={() => openPage(pages.family)}>
                用家人的邀请码添加
              </ActionButton>
            </View>
            {accounts.length > 0 ? (
              <Text className="section-title">全部户号（{accounts.length}）</Text>
            ) : null}
            {accounts.map((account) => (
              <AccountCard
                key={account.accountNo}
                account={account}
                isCurrent={account.accountNo === current?.accountNo}
                onSelect={() => select(account.accountNo)}
                onMakeDefault={act(() => updateBinding(account.accountNo, { isDefault: true }))}
                onRename={(label) => act(() => updateBinding(account.accountNo, { label }))()}
                onFamily={() => openPage(`${pages.family}?accountNo=${account.accountNo}`)}
                onUnbind={act(async () => {
                  const ok = await confirm(
                    '解绑户号',
                    `解绑“${accountTitle(account)}”后，将不能再为它交费和查账单。${account.role === 'owner' ? '通过您邀请的家人也会一起解绑。' : ''}`,
                    '解绑',
                  )
                  if (!ok) return
                  await unbindAccount(account.accountNo)
                  if (currentAccountStore.get() === account.accountNo) currentAccountStore.clear()
                })}
              />
            ))}
          </>
        )}
      </PageShell>
    </PageRoot>
  )
}
