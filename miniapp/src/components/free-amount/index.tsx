import { Input, Text, View } from '@tarojs/components'
import { formatFen } from '@gh/shared'
import { a11y } from '../../a11y'
import './index.scss'

export interface FreeAmountProps {
  value: string
  onChange: (text: string) => void
  minFen: number
  maxFen: number
  error: string | undefined
}

/** Any amount in yuan; `digit` brings up the number pad with a decimal point on phones. */
export function FreeAmount({ value, onChange, minFen, maxFen, error }: FreeAmountProps) {
  const label = '其他金额（元）'
  return (
    <View className="free-amount">
      <Text className="free-amount__label">{label}</Text>
      <Input
        className={`free-amount__input${error ? ' free-amount__input--error' : ''}`}
        type="digit"
        value={value}
        maxlength={10}
        placeholder={`${formatFen(minFen)} 至 ${formatFen(maxFen)}`}
        placeholderClass="free-amount__placeholder"
        onInput={(e) => onChange(e.detail.value)}
        {...a11y(label)}
      />
      {error ? (
        <Text className="free-amount__error" {...a11y(undefined, 'alert')}>
          ⚠ {error}
        </Text>
      ) : null}
    </View>
  )
}
