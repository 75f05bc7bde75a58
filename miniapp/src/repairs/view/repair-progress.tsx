import { Text, View } from '@tarojs/components'
import type { RepairProgressStep } from '@gh/shared'
import { a11y } from '../../a11y'
import { shortTime } from '../time'

/** 已提交 → 已受理 → 已派单 → 在路上 → 已到达 → 已处理 → 已评价, each with its time. */
export function RepairProgress({ steps }: { steps: readonly RepairProgressStep[] }) {
  const currentIndex = steps.findIndex((s) => !s.done)
  return (
    <View className="repair-progress" {...a11y('处理进度', 'list')}>
      {steps.map((step, i) => {
        const next = i === currentIndex
        const status = step.done ? '已完成' : next ? '等待中' : '未开始'
        const place = step.done ? 'done' : next ? 'next' : 'ahead'
        return (
          <View
            key={step.state}
            className={`repair-progress__step repair-progress__step--${place}`}
            {...a11y(
              `${step.label}，${status}${step.at ? `，${shortTime(step.at)}` : ''}`,
              'listitem',
            )}
          >
            <Text className="repair-progress__mark">{step.done ? '✓' : next ? '…' : i + 1}</Text>
            <View className="repair-progress__body">
              <Text className="repair-progress__label">{step.label}</Text>
              <Text className="repair-progress__time">{step.at ? shortTime(step.at) : status}</Text>
            </View>
          </View>
        )
      })}
    </View>
  )
}
