import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import type { Repair } from '@gh/shared'
import { a11y } from '../../../a11y'
import { ActionButton } from '../../../components/action-button'
import { DescriptionField } from '../../../components/voice-input/description-field'
import { useAction } from '../../../hooks/use-action'
import { attemptFor, type KeyedAttempt } from '../../../payments/attempt-key'
import { rateRepair } from '../../../repairs/api'

export const starWords = ['很不满意', '不满意', '一般', '满意', '很满意'] as const

/** Stars and words after 已处理; each star is a big target with its word in its name. */
export function RatingForm({ repair }: { repair: Repair }) {
  const [stars, setStars] = useState(0)
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)
  // The same rating sent again (a retry) keeps its key; another rating is another intent.
  const attempt = useRef<KeyedAttempt<string>>()
  const rate = useAction(
    async () => {
      if (stars === 0) {
        setError('请先点星星打分')
        return
      }
      setError(null)
      const body = { stars, ...(comment.trim() ? { comment: comment.trim() } : {}) }
      attempt.current = attemptFor(attempt.current, JSON.stringify(body))
      await rateRepair(repair, body, attempt.current.key)
    },
    { onError: (err) => setError(err.message) },
  )
  return (
    <View className="card repair-rating">
      <Text className="card__title">请为这次服务打分</Text>
      <View className="repair-rating__stars" {...a11y('打分', 'group')}>
        {starWords.map((word, i) => {
          const n = i + 1
          return (
            <View
              key={word}
              className={`repair-rating__star${n <= stars ? ' repair-rating__star--on' : ''}`}
              onClick={() => setStars(n)}
              {...a11y(`${n}星，${word}`, 'button')}
              aria-pressed={n === stars ? 'true' : 'false'}
            >
              <Text>{n <= stars ? '★' : '☆'}</Text>
            </View>
          )
        })}
      </View>
      <Text className="repair-rating__chosen" {...a11y(undefined, 'status')}>
        {stars > 0 ? `${stars}星：${starWords[stars - 1] ?? ''}` : '点星星打分，5星最满意'}
      </Text>
      <DescriptionField
        label="说说您的感受（可不填）"
        placeholder="例如：师傅很准时，讲解很清楚"
        maxLength={200}
        value={comment}
        onChange={setComment}
      />
      {error ? (
        <Text className="repair-actions__error" {...a11y(undefined, 'alert')}>
          {error}
        </Text>
      ) : null}
      <View className="repair-actions__item">
        <ActionButton main onClick={() => void rate.run()}>
          {rate.busy ? '正在提交…' : '提交评价'}
        </ActionButton>
      </View>
    </View>
  )
}

/** A rating given: its stars in words, and what was said. */
export function RatingShown({ repair }: { repair: Repair }) {
  const { rating } = repair
  if (!rating) return null
  return (
    <View className="card repair-rating">
      <Text className="card__title">您的评价</Text>
      <Text
        className="repair-rating__given"
        {...a11y(`${rating.stars}星，${starWords[rating.stars - 1] ?? ''}`)}
      >
        {'★'.repeat(rating.stars)}
        {'☆'.repeat(5 - rating.stars)} {starWords[rating.stars - 1] ?? ''}
      </Text>
      {rating.comment ? <Text className="card__text">{rating.comment}</Text> : null}
    </View>
  )
}
