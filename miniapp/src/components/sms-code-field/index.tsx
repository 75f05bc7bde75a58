import { Text, View } from '@tarojs/components'
import { a11y } from '../../a11y'
import { FormField } from '../form-field'

export interface SmsCodeFieldProps {
  value: string
  onChange: (value: string) => void
  /** Seconds before another code may be asked for; the button counts them down meanwhile. */
  wait: number
  onSend: () => void
  /** A code is on its way: the button says so. */
  sending?: boolean
  hint?: string
  /** The button's spoken name, where its words alone would not say what it sends. */
  sendName?: string
}

/** The 6-digit SMS code input with its 获取验证码 button beside it. */
export function SmsCodeField(props: SmsCodeFieldProps) {
  const { value, onChange, wait, onSend, sending = false, hint, sendName } = props
  return (
    <FormField
      label="验证码"
      value={value}
      onChange={onChange}
      type="number"
      maxLength={6}
      placeholder="6位数字"
      hint={hint}
      addon={
        <View
          className={`form-field__addon${wait > 0 ? ' form-field__addon--disabled' : ''}`}
          onClick={onSend}
          {...a11y(sendName, 'button')}
        >
          <Text>{sending ? '发送中…' : wait > 0 ? `${wait}秒后重发` : '获取验证码'}</Text>
        </View>
      }
    />
  )
}
