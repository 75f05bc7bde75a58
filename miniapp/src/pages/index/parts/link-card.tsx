import { Text, View } from '@tarojs/components'
import { a11y, decorative } from '../../../a11y'
import { ActionButton } from '../../../components/action-button'

export interface LinkCardProps {
  /** Small line on top: 最新账单, 停气通知 · 即将开始. */
  caption: string
  title: string
  /** Lines under the title; empty ones are left out. */
  lines?: readonly (string | null | undefined)[]
  /** The visible word for what a tap does (查看, 去充值), not an arrow icon. */
  action: string
  tone?: 'danger' | 'warning' | 'done'
  onOpen: () => void
}

/**
 * One section of 首页 as a card that opens its page. The whole card is the target, named by
 * the words it shows, so voice control and screen readers find it by them.
 */
export function LinkCard({ caption, title, lines = [], action, tone, onOpen }: LinkCardProps) {
  return (
    <View
      className={`card link-card${tone ? ` link-card--${tone}` : ''}`}
      hoverClass="link-card--pressed"
      onClick={onOpen}
      {...a11y(undefined, 'button')}
    >
      <View className="link-card__top">
        <Text className="link-card__caption">{caption}</Text>
        <Text className="link-card__action">{action}</Text>
      </View>
      <Text className="link-card__title">{title}</Text>
      {lines
        .filter((line): line is string => Boolean(line))
        .map((line) => (
          <Text key={line} className="link-card__line">
            {line}
          </Text>
        ))}
    </View>
  )
}

/** A section the BFF could not answer: its name, the BFF's sentence and 重试. */
export function UnavailableCard({
  title,
  message,
  onRetry,
}: {
  title: string
  message: string
  onRetry: () => void
}) {
  return (
    <View className="card unavailable-card" {...a11y(undefined, 'status')}>
      <Text className="unavailable-card__title">
        <Text className="unavailable-card__mark" {...decorative()}>
          !
        </Text>{' '}
        {title}暂时无法显示
      </Text>
      <Text className="unavailable-card__text">{message}</Text>
      <View className="unavailable-card__action">
        <ActionButton variant="secondary" onClick={onRetry} label={`重试，重新加载${title}`}>
          重试
        </ActionButton>
      </View>
    </View>
  )
}
