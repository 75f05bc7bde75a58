import { Text, View } from '@tarojs/components'
import { callServicePhone, useAppInfo } from '../../api/app-info'
import { useLoggedIn } from '../../auth/session'
import { ActionButton } from '../../components/action-button'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { useElderMode } from '../../elder'
import { meSpeech } from '../../voice'
import { openPage, pages } from '../../navigation/pages'
import { AccountLinks } from './parts/account-links'
import { ElderSwitch } from './parts/elder-switch'
import { SettingRow } from './parts/setting-row'
import './index.scss'

export default function MePage() {
  const loggedIn = useLoggedIn()
  const appInfo = useAppInfo()
  const { elder } = useElderMode()
  return (
    <PageRoot>
      <PageHeading title="我的" />
      <ReadAloudBar
        what="登录和设置"
        text={() =>
          meSpeech({
            loggedIn,
            elder,
            servicePhone:
              appInfo.state.status === 'success' ? appInfo.state.data.servicePhone : undefined,
          })
        }
      />
      {loggedIn ? null : (
        <View className="card">
          <Text className="card__title">您还没有登录</Text>
          <Text className="card__text">登录后可以管理户号和亲情账户。</Text>
          <View className="me__action">
            <ActionButton main onClick={() => openPage(pages.login)}>
              去登录
            </ActionButton>
          </View>
        </View>
      )}
      {loggedIn ? <AccountLinks /> : null}
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
          </View>
        )}
      </PageShell>
      <View className="card me__list">
        <SettingRow title="版本" value={`v${APP_VERSION}`} />
      </View>
    </PageRoot>
  )
}
