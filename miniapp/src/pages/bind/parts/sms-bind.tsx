import { Text, View } from '@tarojs/components'
import { useEffect, useState, type ReactNode } from 'react'
import { AccountNo, BindBySmsRequest, type BoundAccount } from '@gh/shared'
import { a11y } from '../../../a11y'
import type { ApiError } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { SmsCodeField } from '../../../components/sms-code-field'
import { useAction } from '../../../hooks/use-action'
import { useCountdown } from '../../../hooks/use-countdown'
import { bindAccountBySms, sendBindingCode } from '../api'
import './sms-bind.scss'

export interface SmsBindProps {
  accountNo: string
  label: string | undefined
  onBound: (bound: BoundAccount) => void | Promise<void>
  /** Shown between the code and the 绑定 button (the 备注名 choice). */
  children?: ReactNode
}

type Note = { text: string; error: boolean }

/**
 * 短信验证: 获取验证码 sends a code to the phone registered with the account (not necessarily
 * this phone), then the code binds. The same zod schemas check the form here and in the BFF.
 */
export function SmsBind({ accountNo, label, onBound, children }: SmsBindProps) {
  const [code, setCode] = useState('')
  const [wait, setWait] = useCountdown()
  const [note, setNote] = useState<Note | undefined>()

  // A code is for one account: another number needs its own.
  useEffect(() => {
    setWait(0)
    setNote(undefined)
    setCode('')
  }, [accountNo, setWait])

  // A rate limit says how long to wait: the resend button counts it down.
  const tell = (err: ApiError) => {
    if (err.retryAfterSeconds) setWait(Math.min(err.retryAfterSeconds, 600))
    setNote({ text: err.message, error: true })
  }
  const sending = useAction(
    async (checkedNo: string) => {
      const sent = await sendBindingCode(checkedNo)
      setWait(sent.resendAfterSeconds)
      setNote({
        text: `验证码已发送到户号预留的手机号 ${sent.sentToMasked}，${sent.expiresInSeconds / 60}分钟内有效`,
        error: false,
      })
    },
    { onError: tell },
  )
  const binding = useAction(
    async (request: BindBySmsRequest) => onBound(await bindAccountBySms(request)),
    { onError: tell },
  )
  // One request at a time: no code is sent while binding, and no binding while sending.
  const busy = sending.busy || binding.busy

  const send = () => {
    const checked = AccountNo.safeParse(accountNo.trim())
    if (!checked.success) return setNote({ text: '请先填写10位户号', error: true })
    if (wait > 0 || busy) return
    return sending.run(checked.data)
  }

  const submit = () => {
    const parsed = BindBySmsRequest.safeParse({ accountNo: accountNo.trim(), code, label })
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0]
      return setNote({
        text: field === 'code' ? '请输入6位验证码' : (parsed.error.issues[0]?.message ?? ''),
        error: true,
      })
    }
    if (busy) return
    return binding.run(parsed.data)
  }

  return (
    <View>
      <SmsCodeField
        value={code}
        onChange={setCode}
        wait={wait}
        onSend={() => void send()}
        sending={sending.busy}
        hint="验证码发到开户时登记的手机号上，不一定是本机"
      />
      {children}
      {note ? (
        <Text
          className={note.error ? 'bind-page__error' : 'sms-bind__sent'}
          {...a11y(undefined, note.error ? 'alert' : 'status')}
        >
          {note.error ? `⚠ ${note.text}` : note.text}
        </Text>
      ) : null}
      <View className="bind-page__submit">
        <ActionButton main onClick={() => void submit()}>
          {binding.busy ? '正在核对…' : '绑定'}
        </ActionButton>
      </View>
      <Text className="sms-bind__note">
        收不到短信？预留手机号已不用的，可改用“户主姓名验证”，或带户主身份证到营业厅更新手机号。
      </Text>
    </View>
  )
}
