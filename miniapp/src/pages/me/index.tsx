import { Text, View } from '@tarojs/components'
import { callServicePhone, useAppInfo } from '../../app-info'
import { useLoggedIn } from '../../auth/session'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell, RequireLogin } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { useElderMode } from '../../elder'
import { useUnreadCount } from '../messages/inbox'
import { AccountLinks } from './parts/account-links'
import { ElderSwitch } from './parts/elder-switch'
import { OnlineServiceRow } from './parts/online-service'
import { SettingRow } from './parts/setting-row'
import { meSpeech } from './speech'
import './index.scss'

export default function MePage() {
  const loggedIn = useLoggedIn()
  const appInfo = useAppInfo()
  const { elder } = useElderMode()
  const unreadCount = useUnreadCount()
  return (
    <PageRoot>
      <PageHeading title="我的" />
      <ReadAloudBar
        what="消息、登录和设置"
        text={() =>
          meSpeech({
            loggedIn,
            elder,
            ...(unreadCount === undefined ? {} : { unreadCount }),
            servicePhone:
              appInfo.state.status === 'success' ? appInfo.state.data.servicePhone : undefined,
          })
        }
      />
      <RequireLogin loginHint="登录后可以管理户号和亲情账户。">
        <AccountLinks />
      </RequireLogin>
      <Text className="section-title">设置</Text>
      <View className="card me__list">
        <ElderSwitch />
      </View>
      <Text className="section-title">帮助</Text>
      <PageShell state={appInfo.state} onRetry={appInfo.retry} what="客服电话">
        {(info) => (
          <View className="card me__list">
            <SettingRow
              title="客服电话"
              value={info.servicePhone}
              actionHint="拨打"
              onClick={() => callServicePhone(info.servicePhone)}
            />
            <OnlineServiceRow />
          </View>
        )}
      </PageShell>
      <View className="card me__list">
        <SettingRow title="版本" value={`v${APP_VERSION}`} />
      </View>
    </PageRoot>
  )
}
