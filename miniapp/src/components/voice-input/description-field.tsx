import { Text, Textarea, View } from '@tarojs/components'
import { a11y } from '../../a11y'
import { VoiceInput } from './index'
import type { Voice } from '../../voice'

export interface DescriptionFieldProps {
  label: string
  placeholder?: string
  maxLength?: number
  value: string
  onChange: (value: string) => void
  voice?: Voice
}

/**
 * A free-text field that can also be spoken: confirmed speech is added to what is already
 * typed, so the resident can mix both and still edit the result before sending.
 */
export function DescriptionField(props: DescriptionFieldProps) {
  const { label, placeholder, maxLength = 300, value, onChange, voice } = props
  return (
    <View className="description-field">
      <Text className="description-field__label">{label}</Text>
      <Textarea
        className="description-field__input"
        value={value}
        maxlength={maxLength}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
        {...a11y(label)}
      />
      <Text className="description-field__count">
        {value.length}/{maxLength} 字
      </Text>
      <VoiceInput
        prompt={label}
        voice={voice}
        onConfirm={(spoken) =>
          onChange(`${value}${value ? '，' : ''}${spoken}`.slice(0, maxLength))
        }
      />
    </View>
  )
}
