import { Text, View } from '@tarojs/components'
import { a11y } from '../../a11y'
import './index.scss'

export interface ChoiceChipsProps {
  label: string
  choices: readonly string[]
  value: string | undefined
  onChange: (value: string | undefined) => void
}

/** Tap-to-choose toggles; the chosen one carries a ✓, not colour alone. Tapping it again clears it. */
export function ChoiceChips({ label, choices, value, onChange }: ChoiceChipsProps) {
  return (
    <View className="choice-chips">
      <Text className="choice-chips__label">{label}</Text>
      <View className="choice-chips__row" {...a11y(label, 'group')}>
        {choices.map((choice) => {
          const selected = choice === value
          return (
            <View
              key={choice}
              className={`choice-chips__chip${selected ? ' choice-chips__chip--on' : ''}`}
              onClick={() => onChange(selected ? undefined : choice)}
              {...a11y(choice, 'button')}
              {...{ 'aria-pressed': selected ? 'true' : 'false' }}
            >
              <Text>{selected ? `✓ ${choice}` : choice}</Text>
            </View>
          )
        })}
      </View>
    </View>
  )
}
