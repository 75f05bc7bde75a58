import { Text, View } from '@tarojs/components'
import type { TimelineStep } from '@gh/shared'
import { a11y } from '../../a11y'
import { shortTime } from '../order-status'

/** 已支付 → 已发往气表 → 气表已到账 (or → 待写卡 → 已写卡; 退款中 → 已退款), with times. */
export function OrderTimeline({ steps }: { steps: readonly TimelineStep[] }) {
  const currentIndex = steps.findIndex((s) => !s.done)
  return (
    <View className="order-timeline" {...a11y('到账进度', 'list')}>
      {steps.map((step, i) => {
        const next = i === currentIndex
        const status = step.done ? '已完成' : next ? '等待中' : '未开始'
        return (
          <View
            key={step.state}
            className={`order-timeline__step order-timeline__step--${step.done ? 'done' : next ? 'next' : 'ahead'}`}
            {...a11y(
              `${step.label}，${status}${step.at ? `，${shortTime(step.at)}` : ''}`,
              'listitem',
            )}
          >
            <Text className="order-timeline__mark">{step.done ? '✓' : next ? '…' : i + 1}</Text>
            <View className="order-timeline__body">
              <Text className="order-timeline__label">{step.label}</Text>
              <Text className="order-timeline__time">{step.at ? shortTime(step.at) : status}</Text>
            </View>
          </View>
        )
      })}
    </View>
  )
}
