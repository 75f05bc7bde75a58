import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { BoundAccount } from '@gh/shared'
import { ActionButton } from '../components/action-button'
import { PageShell } from '../components/page-shell'
import { openPage, pages } from '../navigation/pages'
import { AccountSwitcher } from './account-switcher'
import type { useCurrentAccount } from './current-account'
import './account-page-shell.scss'

export interface AccountPageShellProps {
  /** The page's useCurrentAccount(): the page also needs the current account (to share it). */
  accounts: ReturnType<typeof useCurrentAccount>
  /** Said to a resident who is not logged in. */
  loginHint: string
  /** Said under 还没有绑定户号: what binding one lets them do here. */
  unboundHint: string
  /** Whether 缴费记录 follows the page's body; pages not about paying leave it out. */
  records?: boolean
  /** Whether the switcher links to 户号管理; a page mid-task leaves it out. */
  manage?: boolean
  children: (account: BoundAccount) => ReactNode
}

/**
 * The frame of a page about the current account (交燃气费, 账单, 用量, 消息设置, 报修): login, the
 * account switcher, the page's body for that account, and (unless `records` is false) 缴费记录
 * under it; without a bound account, the way to bind one.
 */
export function AccountPageShell({
  accounts,
  loginHint,
  unboundHint,
  records = true,
  manage = true,
  children,
}: AccountPageShellProps) {
  const { state, current, select, reload } = accounts
  return (
    <PageShell state={state} onRetry={reload} requireLogin loginHint={loginHint} what="户号">
      {(bound) =>
        current ? (
          <>
            <AccountSwitcher
              accounts={bound}
              current={current}
              onSelect={select}
              onManage={manage ? () => openPage(pages.accounts) : undefined}
            />
            {children(current)}
            {records ? (
              <View className="account-page__records">
                <ActionButton variant="secondary" onClick={() => openPage(pages.orders)}>
                  缴费记录
                </ActionButton>
              </View>
            ) : null}
          </>
        ) : (
          <View className="card">
            <Text className="card__title">还没有绑定户号</Text>
            <Text className="card__text">{unboundHint}</Text>
            <View className="account-page__action">
              <ActionButton main onClick={() => openPage(pages.bind)}>
                去绑定户号
              </ActionButton>
            </View>
          </View>
        )
      }
    </PageShell>
  )
}
