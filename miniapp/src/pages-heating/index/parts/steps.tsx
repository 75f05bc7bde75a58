import { Text, View } from '@tarojs/components'
import type { HeatingStep } from '@gh/shared'
import { a11y } from '../../../a11y'
import { timeText } from '../format'

/** An application's or a complaint's progress: each step with ✓ when done, never colour alone. */
export function Steps({ steps, label }: { steps: readonly HeatingStep[]; label: string }) {
  const next = steps.findIndex((s) => !s.done)
  const firstYear = steps[0]?.at?.slice(0, 4)
  return (
    <View className="heating-steps" {...a11y(label, 'list')}>
      {steps.map((step, i) => {
        const place = step.done ? 'done' : i === next ? 'next' : 'ahead'
        const when = step.at ? timeText(step.at, firstYear) : ''
        const status = step.done ? '已完成' : i === next ? '进行中' : '未开始'
        return (
          <View
            key={`${step.label}-${i}`}
            className={`heating-steps__step heating-steps__step--${place}`}
            {...a11y(`${step.label}，${status}${when ? `，${when}` : ''}`, 'listitem')}
          >
            <Text className="heating-steps__mark">{step.done ? '✓' : i + 1}</Text>
            <View className="heating-steps__body">
              <Text className="heating-steps__label">{step.label}</Text>
              <Text className="heating-steps__time">
                {when ? `${when}${step.done ? '' : '（预计）'}` : status}
              </Text>
            </View>
          </View>
        )
      })}
    </View>
  )
}
