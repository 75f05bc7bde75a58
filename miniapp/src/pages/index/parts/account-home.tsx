import { View } from '@tarojs/components'
import { useEffect, useMemo, type ReactNode } from 'react'
import type { BoundAccount } from '@gh/shared'
import { AccountSwitcher } from '../../../account/account-switcher'
import { accountTitle, spacedAccountNo } from '../../../account/labels'
import { ActionButton } from '../../../components/action-button'
import { PageShell } from '../../../components/page-shell'
import { useQuery } from '../../../hooks/use-query'
import { openPage, pages } from '../../../navigation/pages'
import { getHome } from '../api'
import { homeView, type HomeView } from '../home-view'
import { usageLink } from '../links'
import { HeadlineCard } from './headline-card'
import { HomeCards } from './home-cards'
import { LinkCard } from './link-card'

export interface AccountHomeProps {
  accounts: readonly BoundAccount[]
  account: BoundAccount
  onSelect: (accountNo: string) => void
  elder: boolean
  /**
   * 长辈模式's 朗读 button: on the headline card once it shows (so the number and both buttons
   * fit the first screen), above the page until then.
   */
  readAloud?: ReactNode
  /** What the page shows now, for 朗读. */
  onShown: (shown: { accountNo: string; view: HomeView; asOf: string } | undefined) => void
}

/**
 * 首页 for the current account. Normal mode: the account, then the headline and the cards.
 * 长辈模式: the headline first (whose account it is written on it), 报修 one tap under it, then
 * the account switcher and the rest, so the first screen holds the one number and one button.
 */
export function AccountHome(props: AccountHomeProps) {
  const { accounts, account, onSelect, elder, readAloud, onShown } = props
  const { accountNo } = account
  // Asked again on every show (back from paying or binding) and when the session changes.
  const { state, retry } = useQuery(['user', 'home', accountNo], () => getHome(accountNo))
  const page = state.status === 'success' ? state.data : undefined
  const view = useMemo(
    () => (page ? homeView(page, account.summary?.kind) : undefined),
    [page, account.summary?.kind],
  )
  useEffect(() => {
    onShown(view && page ? { accountNo, view, asOf: page.generatedAt } : undefined)
  }, [accountNo, view, page, onShown])

  const switcher = (
    <AccountSwitcher
      accounts={accounts}
      current={account}
      onSelect={onSelect}
      onManage={() => openPage(pages.accounts)}
    />
  )
  const usage = usageLink(accountNo, view?.kind)
  return (
    <>
      {elder ? null : switcher}
      {view || !readAloud ? null : <View className="home__read-aloud-bar">{readAloud}</View>}
      <PageShell state={state} onRetry={retry} what="本户信息">
        {(home) =>
          view ? (
            <>
              <HeadlineCard
                accountNo={accountNo}
                headline={view.headline}
                onRetry={retry}
                elder={elder}
                {...(elder
                  ? {
                      account: {
                        title: accountTitle(account),
                        number: spacedAccountNo(accountNo),
                      },
                    }
                  : {})}
                aside={readAloud}
              />
              {elder ? (
                <View className="home__repair">
                  <ActionButton main variant="secondary" onClick={() => openPage(pages.repairs)}>
                    报修（燃气、暖气故障）
                  </ActionButton>
                </View>
              ) : null}
              {elder ? switcher : null}
              <HomeCards
                accountNo={accountNo}
                cards={view.cards}
                asOf={home.generatedAt}
                onRetry={retry}
              />
              {usage ? (
                <LinkCard
                  caption="用气量"
                  title={usage.title}
                  lines={[usage.hint]}
                  action="查看"
                  onOpen={() => openPage(usage.url)}
                />
              ) : null}
            </>
          ) : null
        }
      </PageShell>
    </>
  )
}
