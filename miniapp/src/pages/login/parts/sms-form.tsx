import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { MobilePhone, SmsCode } from '@gh/shared'
import { a11y } from '../../../a11y'
import { ActionButton } from '../../../components/action-button'
import { FormField } from '../../../components/form-field'
import { SmsCodeField } from '../../../components/sms-code-field'
import { useAction } from '../../../hooks/use-action'
import { useCountdown } from '../../../hooks/use-countdown'
import { loginBySms, sendSmsCode } from '../api'
import { CONSENT_NEEDED } from './consent'

export interface SmsFormProps {
  /** Whether the resident ticked 用户协议/隐私政策; no code is sent and no login made before. */
  consented: boolean
  onLoggedIn: () => void
  /** Told the line shown under the form (sent, or what went wrong), for 朗读. */
  onNote?: (text: string | undefined) => void
}

/** Phone + SMS code. The same zod schemas check the form here and the request in the BFF. */
export function SmsForm({ consented, onLoggedIn, onNote }: SmsFormProps) {
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [wait, setWait] = useCountdown()
  const [note, setNote] = useState<{ text: string; error: boolean } | undefined>()

  useEffect(() => onNote?.(note?.text), [note, onNote])

  const sending = useAction(
    async (checkedPhone: string) => {
      const sent = await sendSmsCode(checkedPhone)
      setWait(sent.resendAfterSeconds)
      setNote({
        text: `验证码已发送到 ${sent.sentToMasked}，${sent.expiresInSeconds / 60}分钟内有效`,
        error: false,
      })
    },
    {
      onError: (err) => {
        // A rate limit says how long to wait: the resend button counts it down.
        if (err.retryAfterSeconds) setWait(Math.min(err.retryAfterSeconds, 600))
        setNote({ text: err.message, error: true })
      },
    },
  )
  const loggingIn = useAction(
    async (checkedPhone: string, checkedCode: string) => {
      await loginBySms(checkedPhone, checkedCode)
      onLoggedIn()
    },
    { onError: (err) => setNote({ text: err.message, error: true }) },
  )
  const busy = sending.busy || loggingIn.busy

  const send = async () => {
    const checked = MobilePhone.safeParse(phone)
    if (!checked.success) return setNote({ text: '请输入11位手机号', error: true })
    if (!consented) return setNote({ text: CONSENT_NEEDED, error: true })
    if (wait > 0 || busy) return
    await sending.run(checked.data)
  }

  const submit = async () => {
    const p = MobilePhone.safeParse(phone)
    const c = SmsCode.safeParse(code)
    if (!p.success) return setNote({ text: '请输入11位手机号', error: true })
    if (!c.success) return setNote({ text: '请输入6位验证码', error: true })
    if (!consented) return setNote({ text: CONSENT_NEEDED, error: true })
    await loggingIn.run(p.data, c.data)
  }

  return (
    <View className="card">
      <FormField
        label="手机号"
        value={phone}
        onChange={setPhone}
        type="number"
        maxLength={11}
        placeholder="请输入手机号"
      />
      <SmsCodeField
        value={code}
        onChange={setCode}
        wait={wait}
        onSend={() => void send()}
        sendName={wait > 0 ? `${wait}秒后重发验证码` : '获取验证码'}
      />
      {note ? (
        <Text
          className={`login-note${note.error ? ' login-note--error' : ''}`}
          {...a11y(undefined, note.error ? 'alert' : 'status')}
        >
          {note.error ? `⚠ ${note.text}` : note.text}
        </Text>
      ) : null}
      <View className="login-page__submit">
        <ActionButton main onClick={() => void submit()}>
          {busy ? '请稍候…' : '登录'}
        </ActionButton>
      </View>
    </View>
  )
}
