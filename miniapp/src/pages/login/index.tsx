import { Text, View } from '@tarojs/components'
import { ActionButton } from '../../components/action-button'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { openPage, pages } from '../../navigation/pages'
import './index.scss'

const methods = [
  { name: '微信一键登录', where: '在微信中使用' },
  { name: '支付宝授权登录', where: '在支付宝中使用' },
  { name: '手机号验证码登录', where: '在浏览器中使用' },
]

/** Placeholder until platform login lands: says what is coming and offers a way back. */
export default function LoginPage() {
  return (
    <PageRoot>
      <PageHeading title="登录" subtitle="登录后可以绑定户号、交费、查账单和报修" />
      <View className="card">
        <Text className="card__title">登录功能即将开放</Text>
        <Text className="card__text">届时可以用以下方式登录：</Text>
        {methods.map((method) => (
          <View key={method.name} className="login-method">
            <Text className="login-method__name">{method.name}</Text>
            <Text className="login-method__where">{method.where}</Text>
          </View>
        ))}
      </View>
      <View className="login-page__action">
        <ActionButton main variant="secondary" onClick={() => openPage(pages.home)}>
          返回首页
        </ActionButton>
      </View>
    </PageRoot>
  )
}
