import { Text, View } from '@tarojs/components'
import { useRef } from 'react'
import type { Repair } from '@gh/shared'
import { a11y } from '../../../a11y'
import { randomKey } from '../../../api/client'
import { ActionButton } from '../../../components/action-button'
import { useAction } from '../../../hooks/use-action'
import { urgeRepair } from '../../../repairs/api'
import { shortTime } from '../../../repairs/time'

/**
 * 催单 while the report is open. After an urge it waits (the BFF says until when), shown as a
 * button that says why it cannot be tapped, not one that silently does nothing.
 */
export function UrgeButton({ repair }: { repair: Repair }) {
  const { canUrge, nextUrgeAt } = repair.actions
  // One key per urge: a double tap or a retry after a lost answer urges once.
  const key = useRef(randomKey())
  const urge = useAction(async () => {
    await urgeRepair(repair, key.current)
    key.current = randomKey()
  })
  if (canUrge) {
    return (
      <View className="repair-actions__item">
        <ActionButton main onClick={() => void urge.run()} label="催单，请客服中心加快处理">
          {urge.busy ? '正在催单…' : '催单'}
        </ActionButton>
        <Text className="repair-actions__note">等得太久了？催单后客服中心会加快处理</Text>
      </View>
    )
  }
  if (!nextUrgeAt) return null
  const when = shortTime(nextUrgeAt)
  return (
    <View className="repair-actions__item">
      <View
        className="repair-actions__disabled main-control"
        {...a11y(`催单，已催过，${when} 后可以再催`, 'button')}
        aria-disabled="true"
      >
        <Text>催单（{when} 后可再催）</Text>
      </View>
      <Text className="repair-actions__note">已收到您的催单，正在加快处理</Text>
    </View>
  )
}
