import { Text, View } from '@tarojs/components'
import { useCallback, useRef } from 'react'
import { useAppInfo } from '../../app-info'
import { useLoggedIn } from '../../auth/session'
import { ActionButton } from '../../components/action-button'
import { PageRoot } from '../../components/page-root'
import { PageShell, RequireLogin } from '../../components/page-shell'
import { ReadAloud, ReadAloudBar } from '../../components/read-aloud'
import { useAccountFromLink } from '../../account/account-from-link'
import { useCurrentAccount } from '../../account/current-account'
import { accountTitle } from '../../account/labels'
import { useElderMode } from '../../elder'
import { openPage, pages } from '../../navigation/pages'
import { shareCards } from '../../navigation/share'
import type { HomeView } from './home-view'
import { AccountHome } from './parts/account-home'
import { HomeHeader } from './parts/home-header'
import { HomeHelp } from './parts/home-help'
import { ServiceEntries } from './parts/service-entries'
import { ServicePhoneCard } from './parts/service-phone-card'
import { homeSpeech } from './speech'
import './index.scss'

interface Shown {
  accountNo: string
  view: HomeView
  asOf: string
}

function BindPrompt() {
  return (
    <View className="card home-prompt">
      <Text className="card__title">还没有绑定户号</Text>
      <Text className="card__text">绑定户号后，这里会显示余额、欠费、账单和停气通知。</Text>
      <View className="home-prompt__action">
        <ActionButton main onClick={() => openPage(pages.bind)}>
          去绑定户号
        </ActionButton>
      </View>
    </View>
  )
}

/**
 * 首页: for a logged-in resident, the current account's balance or what it owes (with its one
 * button), then its notices, top-up, repair, bill and heating; the service tiles and the service
 * phone below. Logged out or with no account: the way to log in or bind, and the tiles.
 */
export default function HomePage() {
  const loggedIn = useLoggedIn()
  const appInfo = useAppInfo()
  const { elder } = useElderMode()
  useAccountFromLink()
  const accounts = useCurrentAccount()
  const { state, current, select } = accounts
  const shown = useRef<Shown | undefined>(undefined)
  const onShown = useCallback((next: Shown | undefined) => {
    shown.current = next
  }, [])

  const speech = () => {
    const home = shown.current?.accountNo === current?.accountNo ? shown.current : undefined
    return homeSpeech({
      loggedIn,
      accountsLoading: loggedIn && state.status !== 'success',
      ...(current
        ? { account: { title: accountTitle(current), accountNo: current.accountNo } }
        : {}),
      ...(home ? { home: { view: home.view, asOf: home.asOf } } : {}),
      ...(appInfo.state.status === 'success'
        ? { servicePhone: appInfo.state.data.servicePhone }
        : {}),
    })
  }

  return (
    <PageRoot
      className="home"
      share={() => shareCards.home(loggedIn ? current?.accountNo : undefined)}
    >
      <HomeHeader compact={elder && loggedIn} />
      {/* 长辈模式 with an account: 朗读 sits on the headline card (see AccountHome). */}
      {elder && current ? null : (
        <ReadAloudBar what={loggedIn ? '余额、欠费和通知' : '服务介绍'} text={speech} />
      )}
      <RequireLogin loginHint="登录并绑定户号后，可以在首页查看余额、欠费和停气通知，交费、报修。">
        <PageShell state={state} onRetry={accounts.reload} what="户号">
          {(bound) =>
            current ? (
              <AccountHome
                key={current.accountNo}
                accounts={bound}
                account={current}
                onSelect={select}
                elder={elder}
                {...(elder
                  ? {
                      readAloud: (
                        <View className="home__read-aloud">
                          <ReadAloud what="余额、欠费和通知" text={speech} />
                        </View>
                      ),
                    }
                  : {})}
                onShown={onShown}
              />
            ) : (
              <BindPrompt />
            )
          }
        </PageShell>
      </RequireLogin>
      {elder && loggedIn && current ? <HomeHelp accountNo={current.accountNo} /> : null}
      <ServiceEntries />
      <View className="home__service">
        <PageShell state={appInfo.state} onRetry={appInfo.retry} what="客服电话">
          {(info) => <ServicePhoneCard phone={info.servicePhone} />}
        </PageShell>
      </View>
    </PageRoot>
  )
}
