import { Text, View } from '@tarojs/components'
import { formatFen } from '@gh/shared'
import type { PaymentOptions } from '@gh/shared'
import { a11y, decorative } from '../../a11y'
import './index.scss'

export interface AmountPresetsProps {
  presets: PaymentOptions['recharge']['presets']
  selectedFen: number | null
  onSelect: (amountFen: number) => void
}

/** Big amount buttons; what each buys is written under it. Unavailable ones say why in words. */
export function AmountPresets({ presets, selectedFen, onSelect }: AmountPresetsProps) {
  return (
    <View className="amount-presets" {...a11y('充值金额', 'radiogroup')}>
      {presets.map((preset) => {
        const selected = preset.amountFen === selectedFen
        const note = !preset.allowed
          ? '超出可充范围'
          : preset.daysOfGas !== null
            ? `约可用${preset.daysOfGas}天`
            : ''
        return (
          <View
            key={preset.amountFen}
            className={[
              'amount-presets__item main-control',
              selected ? 'amount-presets__item--selected' : '',
              preset.allowed ? '' : 'amount-presets__item--disabled',
            ]
              .filter(Boolean)
              .join(' ')}
            onClick={() => preset.allowed && onSelect(preset.amountFen)}
            // Named by the amount and note it shows; aria-checked says which one is chosen.
            {...a11y(undefined, 'radio')}
            {...{ 'aria-checked': selected ? 'true' : 'false' }}
            {...(preset.allowed ? {} : { 'aria-disabled': 'true' })}
          >
            <Text className="amount-presets__amount">
              {selected ? <Text {...decorative()}>✓ </Text> : null}
              {formatFen(preset.amountFen).replace(/\.00$/, '')}
            </Text>
            {note ? <Text className="amount-presets__note">{note}</Text> : null}
          </View>
        )
      })}
    </View>
  )
}
