import { Text, View } from '@tarojs/components'
import type { SupplyNotice } from '@gh/shared'
import { ReadAloud } from '../../../components/read-aloud'
import { formatTimeRange, noticeKindText, noticeStatusText } from '../format'
import { noticeSpeech } from '../speech'

/** One 停气/停暖 notice in full: when, where, why, and what to do. */
export function NoticeCard({ notice }: { notice: SupplyNotice }) {
  const kind = noticeKindText[notice.kind]
  return (
    <View className={`card notice notice--${notice.status}`}>
      <View className="notice__top">
        {/* The status is written out; the colour only repeats it. */}
        <Text className="notice__badge">
          {kind} · {noticeStatusText[notice.status]}
        </Text>
        <ReadAloud what={`${kind}通知`} text={() => noticeSpeech(notice)} />
      </View>
      <Text className="notice__title">{notice.title}</Text>
      <Text className="notice__line">
        {kind}时间：{formatTimeRange(notice.startsAt, notice.endsAt)}
      </Text>
      <Text className="notice__line">影响范围：{notice.scope}</Text>
      <Text className="notice__line">原因：{notice.reason}</Text>
      {notice.status === 'ended' ? null : (
        <View className="notice__advice">
          <Text className="notice__advice-title">请您注意</Text>
          {notice.advice.map((line) => (
            <Text key={line} className="notice__advice-line">
              · {line}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}
