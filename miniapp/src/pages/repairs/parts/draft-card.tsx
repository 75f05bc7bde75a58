import { Text, View } from '@tarojs/components'
import { ActionButton } from '../../../components/action-button'
import { showModal } from '../../../elder/modal'
import type { RepairDraft } from '../../../repairs/draft'
import { repairKindLabels } from '../../../repairs/kinds'

/** A report written but not sent (closed app, lost network): continue it or throw it away. */
export function DraftCard(props: {
  draft: RepairDraft
  onContinue: () => void
  onDiscard: () => void
}) {
  const { draft, onContinue, onDiscard } = props
  const discard = async () => {
    const confirmed = await showModal({
      title: '删除草稿',
      content: '删除后，写好的描述和照片都不再保留。确定删除吗？',
      confirmText: '删除',
      cancelText: '保留',
      danger: true,
    })
    if (confirmed) onDiscard()
  }
  const text = draft.description.trim()
  return (
    <View className="card draft-card">
      <Text className="card__title">还没发送的报修</Text>
      <Text className="card__text">
        {draft.kind ? repairKindLabels[draft.kind] : '故障类型未选'}
        {draft.photoIds.length > 0 ? `，${draft.photoIds.length}张照片` : ''}
      </Text>
      {text ? <Text className="draft-card__text">{text}</Text> : null}
      <View className="draft-card__actions">
        <ActionButton main onClick={onContinue} label="继续填写还没发送的报修">
          继续填写
        </ActionButton>
        <ActionButton variant="secondary" onClick={() => void discard()} label="删除草稿">
          删除草稿
        </ActionButton>
      </View>
    </View>
  )
}
