import { Text, View } from '@tarojs/components'
import type { RepairEvent } from '@gh/shared'
import { a11y } from '../../a11y'
import { shortTime } from '../time'

/** Everything that happened, newest first: steps, 催单, 督办, 重新处理, each in words. */
export function RepairEvents({ events }: { events: readonly RepairEvent[] }) {
  const newestFirst = [...events].reverse()
  return (
    <View className="repair-events" {...a11y('处理记录', 'list')}>
      {newestFirst.map((event, i) => (
        <View
          key={`${event.type}-${event.at}-${i}`}
          className={`repair-events__item${event.type === 'escalated' ? ' repair-events__item--escalated' : ''}`}
          {...a11y(undefined, 'listitem')}
        >
          <Text className="repair-events__time">{shortTime(event.at)}</Text>
          <Text className="repair-events__label">
            {event.type === 'escalated' ? '! ' : ''}
            {event.label}
          </Text>
          {event.detail ? <Text className="repair-events__detail">{event.detail}</Text> : null}
        </View>
      ))}
    </View>
  )
}
