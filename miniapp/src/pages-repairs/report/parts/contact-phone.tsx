import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { maskPhone, MobilePhone } from '@gh/shared'
import { a11y } from '../../../a11y'
import { FormField } from '../../../components/form-field'

export interface ContactPhoneProps {
  /** The resident's own phone as the BFF has it, masked; null when it has none. */
  ownMasked: string | null
  /** Another number typed for this report; null: the resident's own. */
  value: string | null
  onChange: (phone: string | null) => void
}

/**
 * Who the technician calls: the resident's own phone (masked) unless another is typed. A typed
 * number is shown back masked once confirmed, like the own one.
 */
export function ContactPhone({ ownMasked, value, onChange }: ContactPhoneProps) {
  const [editing, setEditing] = useState(ownMasked === null && value === null)
  const [typed, setTyped] = useState(value ?? '')
  const [error, setError] = useState<string | null>(null)

  if (editing) {
    const confirm = () => {
      const parsed = MobilePhone.safeParse(typed)
      if (!parsed.success) {
        setError(parsed.error.issues[0]?.message ?? '请输入11位手机号')
        return
      }
      setError(null)
      onChange(parsed.data)
      setEditing(false)
    }
    return (
      <View className="report-field">
        <FormField
          label="联系电话"
          value={typed}
          onChange={setTyped}
          type="number"
          maxLength={11}
          placeholder="请输入11位手机号"
          hint="师傅上门前会打这个电话"
          addon={
            <View
              className="form-field__addon"
              onClick={confirm}
              {...a11y('确定联系电话', 'button')}
            >
              <Text>确定</Text>
            </View>
          }
        />
        {error ? (
          <Text className="report-field__error" {...a11y(undefined, 'alert')}>
            {error}
          </Text>
        ) : null}
        {ownMasked !== null ? (
          <View
            className="report-field__link"
            onClick={() => {
              onChange(null)
              setError(null)
              setEditing(false)
            }}
            {...a11y(`用我的手机号 ${ownMasked}`, 'button')}
          >
            <Text>用我的手机号 {ownMasked}</Text>
          </View>
        ) : null}
      </View>
    )
  }

  const shown = value !== null ? maskPhone(value) : (ownMasked ?? '')
  return (
    <View className="report-field">
      <Text className="report-field__label">联系电话</Text>
      <View className="report-field__row">
        <Text className="report-field__value">
          {shown}
          {value === null ? '（我的手机号）' : ''}
        </Text>
        <View
          className="report-field__change"
          onClick={() => {
            setTyped(value ?? '')
            setEditing(true)
          }}
          {...a11y('修改联系电话', 'button')}
        >
          <Text>修改</Text>
        </View>
      </View>
      <Text className="report-field__hint">师傅上门前会打这个电话</Text>
    </View>
  )
}
