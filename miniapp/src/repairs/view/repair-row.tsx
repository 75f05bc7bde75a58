import { Text, View } from '@tarojs/components'
import type { Repair } from '@gh/shared'
import { a11y, decorative } from '../../a11y'
import { isOverdue, repairTone } from '../live'
import { shortTime } from '../time'
import { toneMark } from './tone'

/** One report in a list: what broke, where it is now, when it was reported; a tap opens it. */
export function RepairRow({ repair, onOpen }: { repair: Repair; onOpen: () => void }) {
  const tone = repairTone(repair)
  return (
    <View
      className="card repair-row main-control"
      hoverClass="repair-row--pressed"
      onClick={onOpen}
      // Named by the words it shows, so the name always holds the visible text.
      {...a11y(undefined, 'button')}
    >
      <View className="repair-row__line">
        <Text className="repair-row__kind">
          {repair.urgent ? <Text className="repair-row__urgent">紧急 </Text> : null}
          {repair.kindLabel}
        </Text>
        <Text className={`repair-row__state repair-tone--${tone}`}>
          <Text {...decorative()}>{toneMark[tone]} </Text>
          {repair.stateLabel}
        </Text>
      </View>
      {repair.escalation && isOverdue(repair) ? (
        <Text className="repair-row__note repair-tone--problem">{repair.escalation.label}</Text>
      ) : null}
      <Text className="repair-row__time">报修时间：{shortTime(repair.createdAt)}</Text>
    </View>
  )
}
