import { Text, View } from '@tarojs/components'
import { a11y } from '../../../a11y'
import { useElderMode } from '../../../elder'
import { temperatureText } from '../format'

export const MIN_TENTHS = 50
export const MAX_TENTHS = 300

/**
 * The thermometer's reading, set with − and ＋ (no keyboard): 0.1℃ a tap, or 0.5℃ with the big
 * buttons of 长辈模式, so a reading takes a few taps. The value is announced as it changes.
 */
export function TemperatureStepper(props: { tenths: number; onChange: (tenths: number) => void }) {
  const { tenths, onChange } = props
  const { elder } = useElderMode()
  const step = elder ? 5 : 1
  const stepText = elder ? '0.5' : '0.1'
  const set = (value: number) => onChange(Math.min(MAX_TENTHS, Math.max(MIN_TENTHS, value)))
  return (
    <View className="heating-stepper" {...a11y('室温读数', 'group')}>
      <Text className="heating-stepper__label">温度计读数</Text>
      <View className="heating-stepper__row">
        <View
          className="heating-stepper__button main-control"
          hoverClass="heating-stepper__button--pressed"
          onClick={() => set(tenths - step)}
          {...a11y(`降低${stepText}度`, 'button')}
        >
          <Text>−</Text>
        </View>
        <Text className="heating-stepper__value" {...a11y(undefined, 'status')}>
          {temperatureText(tenths)}
        </Text>
        <View
          className="heating-stepper__button main-control"
          hoverClass="heating-stepper__button--pressed"
          onClick={() => set(tenths + step)}
          {...a11y(`升高${stepText}度`, 'button')}
        >
          <Text>＋</Text>
        </View>
      </View>
      <Text className="heating-stepper__hint">
        把温度计放在卧室或客厅中间、离地约1.5米处，半小时后读数；每点一次调整 {stepText}℃
      </Text>
    </View>
  )
}
