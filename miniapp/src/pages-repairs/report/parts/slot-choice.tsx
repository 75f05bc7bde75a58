import { Text, View } from '@tarojs/components'
import type { RepairSlot, RepairSlotOption } from '@gh/shared'
import { a11y } from '../../../a11y'

/** '11月27日 周五 上午 9:00–12:00' → the day, then the window, each on its own line. */
function labelLines(label: string): [string, string] {
  const m = /^(.+?周.)\s+(.+)$/.exec(label)
  return m ? [m[1] ?? label, m[2] ?? ''] : [label, '']
}

export const sameSlot = (a: RepairSlot | null, b: RepairSlot | null) =>
  !!a && !!b && a.date === b.date && a.window === b.window

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
      <View className="slot-choice" {...a11y('希望上门时间', 'group')}>
        {slots.map((slot) => {
          const chosen = sameSlot(slot, value)
          const label = `${slot.label}${slot.available ? '' : '（已约满）'}`
          const [day, hours] = labelLines(slot.label)
          return (
            <View
              key={`${slot.date}-${slot.window}`}
              className={`slot-choice__item${chosen ? ' slot-choice__item--on' : ''}${slot.available ? '' : ' slot-choice__item--full'}`}
              onClick={() => {
                if (!slot.available) return
                onChange(chosen ? null : { date: slot.date, window: slot.window })
              }}
              {...a11y(label, 'button')}
              {...{
                'aria-pressed': chosen ? 'true' : 'false',
                'aria-disabled': slot.available ? 'false' : 'true',
              }}
            >
              <Text className="slot-choice__day">
                {chosen ? '✓ ' : ''}
                {day}
              </Text>
              <Text className="slot-choice__window">
                {hours}
                {slot.available ? '' : '（已约满）'}
              </Text>
            </View>
          )
        })}
      </View>
    </View>
  )
}
