import { Picker, Text, View } from '@tarojs/components'
import { a11y } from '../../a11y'
import { monthText } from './answers'

/** 'YYYY-MM' of today, the latest month an alarm or a hose can have gone in. */
function thisMonth(): string {
  const now = new Date(Date.now() + 8 * 3600_000)
  return now.toISOString().slice(0, 7)
}

/**
 * 安装年月, picked with the platform's month picker; 不清楚 clears it. The whole row is the
 * target, named by what it shows, at least 48 px tall in 长辈模式 like every control.
 */
export function MonthField(props: {
  label: string
  value: string | null
  onChange: (month: string | null) => void
}) {
  const { label, value, onChange } = props
  return (
    <View className="self-check-month">
      <Text className="self-check-month__label">{label}</Text>
      <View className="self-check-month__row">
        <Picker
          mode="date"
          fields="month"
          value={value ?? thisMonth()}
          start="1990-01"
          end={thisMonth()}
          onChange={(e) => onChange(String(e.detail.value).slice(0, 7))}
        >
          <View
            className="self-check-month__value"
            {...a11y(`${label}：${monthText(value)}，点按选择`, 'button')}
          >
            <Text>{value ? monthText(value) : '选择年月'}</Text>
          </View>
        </Picker>
        {value ? (
          <View
            className="self-check-month__clear"
            onClick={() => onChange(null)}
            {...a11y(`${label}：改为不清楚`, 'button')}
          >
            <Text>不清楚</Text>
          </View>
        ) : null}
      </View>
    </View>
  )
}
