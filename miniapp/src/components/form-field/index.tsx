import { Input, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { a11y } from '../../a11y'
import './index.scss'

export interface FormFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  hint?: string
  /** `number`/`digit` bring up the number pad on phones. */
  type?: 'text' | 'number'
  maxLength?: number
  /** Masks what is typed (a workbench password). */
  password?: boolean
  /** A button beside the input (扫码, 获取验证码). */
  addon?: ReactNode
}

/** A labelled input sized for elderly mode; the label is also the input's accessible name. */
export function FormField(props: FormFieldProps) {
  const {
    label,
    value,
    onChange,
    placeholder,
    hint,
    type = 'text',
    maxLength,
    addon,
    password,
  } = props
  return (
    <View className="form-field">
      <Text className="form-field__label">{label}</Text>
      <View className="form-field__row">
        <Input
          className="form-field__input"
          value={value}
          type={type}
          password={password ?? false}
          maxlength={maxLength ?? 140}
          placeholder={placeholder}
          placeholderClass="form-field__placeholder"
          onInput={(e) => onChange(e.detail.value)}
          {...a11y(label)}
        />
        {addon}
      </View>
      {hint ? <Text className="form-field__hint">{hint}</Text> : null}
    </View>
  )
}
