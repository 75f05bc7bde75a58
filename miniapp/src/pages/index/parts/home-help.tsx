import { Text, View } from '@tarojs/components'
import { routes } from '@gh/shared'
import { a11y } from '../../../a11y'
import { request } from '../../../api'
import { HelpButton } from '../../../components/help-button'
import { useQuery } from '../../../hooks/use-query'
import { openPage, pages } from '../../../navigation/pages'

/**
 * 长辈模式 首页: the one big 一键求助 button, when it is on for the account (独居 by default, or
 * turned on in 我的 → 一键求助). After an alert goes, its page shows who was reached.
 */
export function HomeHelp({ accountNo }: { accountNo: string }) {
  const { state } = useQuery(['user', 'help-alerts', accountNo], () =>
    request(routes.listHelpAlerts, { params: { accountNo } }),
  )
  if (state.status !== 'success' || !state.data.settings.enabled) return null
  const page = `${pages.help}?accountNo=${accountNo}`
  return (
    <View className="home__help">
      <HelpButton
        accountNo={accountNo}
        kind="help"
        shareLocation={state.data.settings.shareLocation}
        onSent={() => openPage(page)}
      />
      <View
        className="home__help-link main-control"
        onClick={() => openPage(page)}
        {...a11y(undefined, 'link')}
      >
        <Text>求助记录和设置 ›</Text>
      </View>
    </View>
  )
}
