import { View } from '@tarojs/components'
import { useAppInfo } from '../../api/app-info'
import { useLoggedIn } from '../../auth/session'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { useAccountFromLink } from '../../account/account-from-link'
import { currentAccountStore } from '../../account/current-account-store'
import { shareCards } from '../../navigation/share'
import { homeSpeech } from '../../voice'
import { HomeHeader } from './parts/home-header'
import { LoginPrompt } from './parts/login-prompt'
import { ServiceEntries } from './parts/service-entries'
import { ServicePhoneCard } from './parts/service-phone-card'
import './index.scss'

export default function HomePage() {
  const loggedIn = useLoggedIn()
  const appInfo = useAppInfo()
  useAccountFromLink()
  return (
    <PageRoot
      className="home"
      share={() => shareCards.home(loggedIn ? currentAccountStore.get() : undefined)}
    >
      <HomeHeader />
      <ReadAloudBar
        what={loggedIn ? '户号和客服电话' : '服务介绍'}
        text={() =>
          homeSpeech({
            loggedIn,
            accountNo: currentAccountStore.get(),
            servicePhone:
              appInfo.state.status === 'success' ? appInfo.state.data.servicePhone : undefined,
          })
        }
      />
      {loggedIn ? null : <LoginPrompt />}
      <ServiceEntries />
      <View className="home__service">
        <PageShell state={appInfo.state} onRetry={appInfo.retry} what="客服电话">
          {(info) => <ServicePhoneCard phone={info.servicePhone} />}
        </PageShell>
      </View>
    </PageRoot>
  )
}
