import { Text, View } from '@tarojs/components'
import { a11y } from '../../../a11y'
import type { UsageRow } from '../usage-view'

/**
 * The months as rows a screen reader reads in order (and the eye checks the chart against):
 * month, use, daily average, the same month a year earlier. Newest first.
 */
export function UsageTable(props: { rows: readonly UsageRow[]; title?: string; verb?: string }) {
  const { rows, title = '每月用气', verb = '用气' } = props
  return (
    <View className="card">
      <Text className="card__title" {...a11y(undefined, 'heading')} aria-level="2">
        {title}
      </Text>
      <View className="usage-table" {...a11y(title, 'table')}>
        <View className="usage-table__row usage-table__row--head" {...a11y(undefined, 'row')}>
          <Text className="usage-table__month" {...a11y(undefined, 'columnheader')}>
            月份
          </Text>
          <Text className="usage-table__cell" {...a11y(undefined, 'columnheader')}>
            {verb}
          </Text>
          <Text className="usage-table__cell" {...a11y(undefined, 'columnheader')}>
            日均
          </Text>
          <Text className="usage-table__cell" {...a11y(undefined, 'columnheader')}>
            去年同月
          </Text>
        </View>
        {rows.map((row) => (
          <View key={row.month} className="usage-table__row" {...a11y(undefined, 'row')}>
            <Text className="usage-table__month" {...a11y(undefined, 'rowheader')}>
              {row.label}
            </Text>
            <Text className="usage-table__cell" {...a11y(undefined, 'cell')}>
              {row.usage}
            </Text>
            <Text className="usage-table__cell" {...a11y(undefined, 'cell')}>
              {row.daily}
            </Text>
            <Text className="usage-table__cell" {...a11y(undefined, 'cell')}>
              {row.lastYear}
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}
