import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { ReopenRepairRequest } from '@gh/shared'
import type { Repair } from '@gh/shared'
import { a11y } from '../../../a11y'
import { ActionButton } from '../../../components/action-button'
import { DescriptionField } from '../../../components/voice-input/description-field'
import { useAction } from '../../../hooks/use-action'
import { attemptFor, type KeyedAttempt } from '../../../payments/attempt-key'
import { reopenRepair } from '../../../repairs/api'
import { shortTime } from '../../../repairs/time'

/** 重新报修 within 7 days of 已处理: the fault came back, so the same report goes back to dispatch. */
export function ReopenForm({ repair }: { repair: Repair }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const attempt = useRef<KeyedAttempt<string>>()
  const reopen = useAction(
    async () => {
      const parsed = ReopenRepairRequest.safeParse({ reason })
      if (!parsed.success) {
        setError(parsed.error.issues[0]?.message ?? '请说明还有什么问题')
        return
      }
      setError(null)
      attempt.current = attemptFor(attempt.current, parsed.data.reason)
      await reopenRepair(repair, parsed.data.reason, attempt.current.key)
      setOpen(false)
    },
    { onError: (err) => setError(err.message) },
  )
  const until = repair.actions.reopenUntil
  return (
    <View className="card repair-reopen">
      <Text className="card__title">问题没有解决？</Text>
      <Text className="card__text">
        {until ? `${shortTime(until)} 前` : '处理完7天内'}可以重新报修，会再派师傅上门
      </Text>
      {open ? (
        <View className="repair-reopen__form">
          <DescriptionField
            label="还有什么问题"
            placeholder="例如：暖气片又不热了"
            maxLength={200}
            value={reason}
            onChange={setReason}
          />
          {error ? (
            <Text className="repair-actions__error" {...a11y(undefined, 'alert')}>
              {error}
            </Text>
          ) : null}
          <ActionButton main onClick={() => void reopen.run()}>
            {reopen.busy ? '正在提交…' : '确认重新报修'}
          </ActionButton>
        </View>
      ) : (
        <View className="repair-actions__item">
          <ActionButton main variant="secondary" onClick={() => setOpen(true)}>
            重新报修
          </ActionButton>
        </View>
      )}
    </View>
  )
}
