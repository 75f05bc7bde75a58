import { View } from '@tarojs/components'
import { useAppInfo } from '../../app-info'
import { useLoggedIn } from '../../auth/session'
import { PageRoot } from '../../components/page-root'
import { PageShell, RequireLogin } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { useAccountFromLink } from '../../account/account-from-link'
import { currentAccountStore } from '../../account/current-account-store'
import { shareCards } from '../../navigation/share'
import { HomeHeader } from './parts/home-header'
import { ServiceEntries } from './parts/service-entries'
import { ServicePhoneCard } from './parts/service-phone-card'
import { homeSpeech } from './speech'
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
      <RequireLogin loginHint="登录并绑定户号后，可以交费、查账单、报修和查看进度。" />
      <ServiceEntries />
      <View className="home__service">
        <PageShell state={appInfo.state} onRetry={appInfo.retry} what="客服电话">
          {(info) => <ServicePhoneCard phone={info.servicePhone} />}
        </PageShell>
      </View>
    </PageRoot>
  )
}
