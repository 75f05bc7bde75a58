import { Text, View } from '@tarojs/components'
import type { UsageRow } from '../usage-view'

/** 长辈模式: the months as big lines, fewer of them, in place of the chart and the table. */
export function ElderMonthList({
  rows,
  verb = '用气',
}: {
  rows: readonly UsageRow[]
  verb?: string
}) {
  return (
    <View className="card">
      <Text className="card__title">最近几个月</Text>
      {rows.slice(0, 6).map((row) => (
        <View key={row.month} className="usage-elder__row">
          <Text className="usage-elder__month">{row.label}</Text>
          <Text className="usage-elder__value">
            {verb} {row.usage}
          </Text>
          <Text className="usage-elder__last">去年同月 {row.lastYear}</Text>
        </View>
      ))}
    </View>
  )
}
