import { View } from '@tarojs/components'
import { useAppInfo } from '../../api/app-info'
import { useLoggedIn } from '../../auth/session'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { HomeHeader } from './parts/home-header'
import { LoginPrompt } from './parts/login-prompt'
import { ServiceEntries } from './parts/service-entries'
import { ServicePhoneCard } from './parts/service-phone-card'
import './index.scss'

export default function HomePage() {
  const loggedIn = useLoggedIn()
  const appInfo = useAppInfo()
  return (
    <PageRoot className="home">
      <HomeHeader />
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
