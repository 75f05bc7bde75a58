import { Text, View } from '@tarojs/components'
import { a11y, decorative } from '../../../a11y'
import './bind-method.scss'

/** `sms`: a code sent to the account's reserved phone; `holder`: name + last 4 phone digits. */
export type BindMethod = 'sms' | 'holder'

const METHODS: readonly { value: BindMethod; title: string; detail: string }[] = [
  { value: 'sms', title: '短信验证', detail: '推荐' },
  { value: 'holder', title: '户主姓名验证', detail: '姓名+手机后4位' },
]

export interface BindMethodSwitchProps {
  value: BindMethod
  onChange: (value: BindMethod) => void
}

/**
 * Two large options side by side (stacked in elderly mode); the chosen one carries a ✓ and
 * `aria-pressed`. An option's name is what it shows (title and detail), so voice control can
 * say what it sees.
 */
export function BindMethodSwitch({ value, onChange }: BindMethodSwitchProps) {
  return (
    <View className="bind-method" {...a11y('验证方式', 'group')}>
      {METHODS.map((method) => {
        const selected = method.value === value
        return (
          <View
            key={method.value}
            className={`bind-method__option${selected ? ' bind-method__option--on' : ''}`}
            onClick={() => onChange(method.value)}
            {...a11y(undefined, 'button')}
            {...{ 'aria-pressed': selected ? 'true' : 'false' }}
          >
            <Text className="bind-method__title">
              {selected && <Text {...decorative()}>✓ </Text>}
              {method.title}
            </Text>
            <Text className="bind-method__detail">{method.detail}</Text>
          </View>
        )
      })}
    </View>
  )
}
