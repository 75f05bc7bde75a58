import { Text, View } from '@tarojs/components'
import type { Repair } from '@gh/shared'
import { a11y } from '../../../a11y'
import { isOverdue, isSettled, repairTone } from '../../../repairs/live'
import { shortTime } from '../../../repairs/time'
import { toneMark } from '../../../repairs/view/tone'

/** Where the report is now, in words, with what to expect and whether it still moves. */
export function StatusCard({ repair }: { repair: Repair }) {
  const tone = repairTone(repair)
  return (
    <View className={`card repair-status repair-status--${tone}`}>
      <Text className="repair-status__kind">
        {repair.urgent ? <Text className="repair-status__urgent">紧急 </Text> : null}
        {repair.kindLabel}
      </Text>
      <Text className={`repair-status__state repair-tone--${tone}`} {...a11y(undefined, 'status')}>
        {toneMark[tone]} {repair.stateLabel}
      </Text>
      {repair.state === 'on_the_way' && repair.etaAt ? (
        <Text className="repair-status__eta">预计 {shortTime(repair.etaAt)} 到达</Text>
      ) : null}
      {/* An overdue report's hint is the escalation's own words, shown in its card below. */}
      {repair.hint && !(isOverdue(repair) && repair.hint === repair.escalation?.detail) ? (
        <Text className="repair-status__hint">{repair.hint}</Text>
      ) : null}
      <Text className="repair-status__live">
        {isSettled(repair) ? '师傅已处理完毕' : '进度会自动刷新，无需重复报修'}
      </Text>
    </View>
  )
}

/**
 * 超时未受理，已升级督办: said in words, with what happens next and since when, while the report
 * waits to be accepted; afterwards it stays in 处理记录.
 */
export function EscalationCard({ repair }: { repair: Repair }) {
  const { escalation } = repair
  if (!escalation || !isOverdue(repair)) return null
  return (
    <View className="card repair-escalation" {...a11y(undefined, 'note')}>
      <Text className="repair-escalation__label">! {escalation.label}</Text>
      <Text className="repair-escalation__detail">{escalation.detail}</Text>
      <Text className="repair-escalation__time">{shortTime(escalation.at)}</Text>
    </View>
  )
}
