import { Text, View } from '@tarojs/components'
import { ActionButton } from '../../../components/action-button'
import { openPage, pages } from '../../../navigation/pages'

export function LoginPrompt() {
  return (
    <View className="card login-prompt">
      <Text className="card__title">登录后办理业务</Text>
      <Text className="card__text">绑定户号后，可以交费、查账单、报修和查看进度。</Text>
      <View className="login-prompt__action">
        <ActionButton main variant="secondary" onClick={() => openPage(pages.login)}>
          去登录
        </ActionButton>
      </View>
    </View>
  )
}
