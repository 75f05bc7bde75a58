import { Text, View } from '@tarojs/components'
import { fenToYuanString } from '@gh/shared'
import { a11y, decorative } from '../../../a11y'
import { THRESHOLD_PRESETS_FEN } from '../settings-form'

export interface ThresholdPresetsProps {
  valueFen: number
  onSelect: (fen: number) => void
}

const yuan = (fen: number) => `${fenToYuanString(fen).replace(/\.00$/, '')} 元`

/**
 * 余额不足 amount as big buttons, no typing. One set elsewhere (not a preset) is shown too, so
 * the chosen amount is always on screen. The chosen one carries a ✓, not colour alone.
 */
export function ThresholdPresets({ valueFen, onSelect }: ThresholdPresetsProps) {
  const choices = THRESHOLD_PRESETS_FEN.includes(valueFen)
    ? THRESHOLD_PRESETS_FEN
    : [...THRESHOLD_PRESETS_FEN, valueFen].sort((a, b) => a - b)
  return (
    <View className="threshold">
      <Text className="threshold__label">余额低于多少时提醒</Text>
      <View className="threshold__row" {...a11y('余额低于多少时提醒', 'radiogroup')}>
        {choices.map((fen) => {
          const selected = fen === valueFen
          return (
            <View
              key={fen}
              className={`threshold__item main-control${selected ? ' threshold__item--on' : ''}`}
              onClick={() => onSelect(fen)}
              {...a11y(undefined, 'radio')}
              {...{ 'aria-checked': selected ? 'true' : 'false' }}
            >
              <Text>
                {selected ? <Text {...decorative()}>✓ </Text> : null}
                {yuan(fen)}
              </Text>
            </View>
          )
        })}
      </View>
    </View>
  )
}
