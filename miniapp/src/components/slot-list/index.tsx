import { Text, View } from '@tarojs/components'
import { a11y } from '../../a11y'

/** A visit time as the BFF takes it back: a day and a half-day window. */
export interface Slot {
  date: string
  window: string
}

/** A visit time as offered: its words (e.g. 11月27日 周五 上午 9:00–12:00) and whether it is free. */
export interface SlotOption extends Slot {
  label: string
  available: boolean
}

export const sameSlot = (a: Slot | null, b: Slot | null) =>
  !!a && !!b && a.date === b.date && a.window === b.window

/** '11月27日 周五 上午 9:00–12:00' → the day, then the window. */
function labelLines(label: string): [string, string] {
  const m = /^(.+?周.)\s+(.+)$/.exec(label)
  return m ? [m[1] ?? label, m[2] ?? ''] : [label, '']
}

export interface SlotListProps<O extends SlotOption> {
  /** The page's class block; its styles come from the `slot-list` mixin. */
  block: string
  /** What the group is called to a screen reader. */
  groupLabel: string
  slots: readonly O[]
  value: Pick<O, 'date' | 'window'> | null
  onChange: (slot: Pick<O, 'date' | 'window'> | null) => void
  /** Day and window on two lines (`__day`, `__window`) instead of one. */
  twoLines?: boolean
}

/**
 * The next days' half-day windows; a full one says 已约满 in words, not by grey alone. Tapping
 * the chosen one again clears the choice.
 */
export function SlotList<O extends SlotOption>(props: SlotListProps<O>) {
  const { block, groupLabel, slots, value, onChange, twoLines = false } = props
  return (
    <View className={block} {...a11y(groupLabel, 'group')}>
      {slots.map((slot) => {
        const chosen = sameSlot(slot, value)
        const full = slot.available ? '' : '（已约满）'
        const label = `${slot.label}${full}`
        const [day, hours] = labelLines(slot.label)
        return (
          <View
            key={`${slot.date}-${slot.window}`}
            className={`${block}__item${chosen ? ` ${block}__item--on` : ''}${slot.available ? '' : ` ${block}__item--full`}`}
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
            {twoLines ? (
              <>
                <Text className={`${block}__day`}>
                  {chosen ? '✓ ' : ''}
                  {day}
                </Text>
                <Text className={`${block}__window`}>
                  {hours}
                  {full}
                </Text>
              </>
            ) : (
              <Text>
                {chosen ? '✓ ' : ''}
                {label}
              </Text>
            )}
          </View>
        )
      })}
    </View>
  )
}
