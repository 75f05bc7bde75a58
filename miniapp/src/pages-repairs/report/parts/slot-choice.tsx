import { Text, View } from '@tarojs/components'
import type { RepairSlot, RepairSlotOption } from '@gh/shared'
import { SlotList } from '../../../components/slot-list'

/**
 * 希望上门时间 for a fault that can wait: the next days' half-day windows, a full one shown as
 * 已约满 (in words, not greyed out alone). Tapping the chosen one again leaves it to 客服.
 */
export function SlotChoice(props: {
  slots: readonly RepairSlotOption[]
  value: RepairSlot | null
  onChange: (slot: RepairSlot | null) => void
}) {
  const { slots, value, onChange } = props
  return (
    <View className="report-field">
      <Text className="report-field__label">希望上门时间（可不选）</Text>
      <Text className="report-field__hint">不选的话，客服会打电话和您约时间</Text>
      <SlotList
        block="slot-choice"
        groupLabel="希望上门时间"
        twoLines
        slots={slots}
        value={value}
        onChange={onChange}
      />
    </View>
  )
}
