import { Text, View } from '@tarojs/components'
import type { AccountChange } from '@gh/shared'
import { a11y } from '../../../a11y'

/** '2026-11-27T11:00:00+08:00' → '11月27日 11:00'. */
function timeText(iso: string): string {
  const [date = '', time = ''] = iso.split('T')
  const [, month, day] = date.split('-')
  return `${Number(month)}月${Number(day)}日 ${time.slice(0, 5)}`
}

/** One request: what was asked (masked), how many photos, its progress and its result. */
export function ChangeCard({ change }: { change: AccountChange }) {
  const next = change.steps.findIndex((s) => !s.done)
  return (
    <View className="card change-card">
      <View className="change-card__head">
        <Text className="change-card__title">{`${change.kindLabel}申请`}</Text>
        <Text className={`change-card__status change-card__status--${change.status}`}>
          {change.statusLabel}
        </Text>
      </View>
      <Text className="change-card__detail">{change.detail}</Text>
      <Text className="change-card__docs">{`证件照片：${change.documents.text}`}</Text>
      <View className="change-steps" {...a11y(`${change.kindLabel}申请进度`, 'list')}>
        {change.steps.map((step, i) => {
          const place = step.done ? 'done' : i === next ? 'next' : 'ahead'
          const status = step.done ? '已完成' : i === next ? '进行中' : '未开始'
          const when = step.at ? timeText(step.at) : ''
          return (
            <View
              key={step.label}
              className={`change-steps__step change-steps__step--${place}`}
              {...a11y(`${step.label}，${status}${when ? `，${when}` : ''}`, 'listitem')}
            >
              <Text className="change-steps__mark">{step.done ? '✓' : i + 1}</Text>
              <View className="change-steps__body">
                <Text className="change-steps__label">{step.label}</Text>
                <Text className="change-steps__time">{when || status}</Text>
              </View>
            </View>
          )
        })}
      </View>
      <Text className="change-card__result" {...a11y(undefined, 'status')}>
        {change.result}
      </Text>
    </View>
  )
}
