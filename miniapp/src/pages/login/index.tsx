import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { a11y } from '../../a11y'
import { backToAccounts } from '../../account/navigation'
import { ActionButton } from '../../components/action-button'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { ReadAloudBar } from '../../components/read-aloud'
import { useAction } from '../../hooks/use-action'
import { hasConsented, recordConsent } from '../../privacy/consent'
import { CONSENT_NEEDED, ConsentCheck } from './parts/consent'
import { platformLogin } from './parts/platform-login'
import { SmsForm } from './parts/sms-form'
import { loginSpeech } from './speech'
import './index.scss'

/**
 * WeChat and Alipay log in with the platform's own button; H5 (and anyone who prefers it) with
 * phone + SMS code.
 */
export default function LoginPage() {
  const [smsOpen, setSmsOpen] = useState(platformLogin === undefined)
  const [error, setError] = useState<string | undefined>()
  const smsNote = useRef<string | undefined>(undefined)
  const [agreed, setAgreed] = useState(hasConsented)
  const agree = (value: boolean) => {
    setAgreed(value)
    if (value) recordConsent()
  }

  const loginWithPlatform = useAction(
    async () => {
      if (!platformLogin) return
      if (!agreed) return setError(CONSENT_NEEDED)
      setError(undefined)
      await platformLogin.run()
      backToAccounts()
    },
    { onError: (err) => setError(err.message) },
  )

  return (
    <PageRoot>
      <PageHeading title="登录" subtitle="登录后可以绑定户号、交费、查账单和报修" />
      <ReadAloudBar
        what="怎样登录"
        text={() => {
          const note = error ?? (smsOpen ? smsNote.current : undefined)
          return loginSpeech({
            smsOpen,
            agreed,
            ...(platformLogin ? { platformLogin: platformLogin.name } : {}),
            ...(note ? { note } : {}),
          })
        }}
      />
      {platformLogin ? (
        <View className="card">
          <ActionButton main onClick={() => void loginWithPlatform.run()}>
            {platformLogin.name}
          </ActionButton>
          {error ? (
            <Text className="login-note login-note--error" {...a11y(undefined, 'alert')}>
              ⚠ {error}
            </Text>
          ) : null}
          {smsOpen ? null : (
            <View className="login-page__alt">
              <ActionButton variant="secondary" onClick={() => setSmsOpen(true)}>
                用手机号验证码登录
              </ActionButton>
            </View>
          )}
        </View>
      ) : null}
      {smsOpen ? (
        <SmsForm
          consented={agreed}
          onLoggedIn={backToAccounts}
          onNote={(text) => {
            smsNote.current = text
          }}
        />
      ) : null}
      <ConsentCheck agreed={agreed} onChange={agree} />
      <Text className="login-page__privacy">
        我们只保存登录所需的信息，不保存昵称和头像；可随时在“我的数据”中查看或注销。
      </Text>
    </PageRoot>
  )
}
