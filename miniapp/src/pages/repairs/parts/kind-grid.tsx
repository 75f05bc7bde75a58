import { Text, View } from '@tarojs/components'
import type { RepairKind } from '@gh/shared'
import { a11y, decorative } from '../../../a11y'
import { isUrgentRepairKind, kindChoices } from '../../../repairs/kinds'

/**
 * The fault kinds as big choices. A leak and a CO alarm come first, full width and marked in
 * words (先看安全提示), so they are found before anything else; the rest share two columns.
 */
export function KindGrid({ onChoose }: { onChoose: (kind: RepairKind) => void }) {
  const urgent = kindChoices.filter((c) => isUrgentRepairKind(c.kind))
  const others = kindChoices.filter((c) => !isUrgentRepairKind(c.kind))
  return (
    <View className="kind-grid" {...a11y('故障类型', 'group')}>
      {urgent.map((choice) => (
        <View
          key={choice.kind}
          className="kind-grid__item kind-grid__item--urgent main-control"
          hoverClass="kind-grid__item--pressed"
          onClick={() => onChoose(choice.kind)}
          {...a11y(undefined, 'button')}
        >
          <Text className="kind-grid__mark" {...decorative()}>
            !
          </Text>
          <View className="kind-grid__words">
            <Text className="kind-grid__label">{choice.label}</Text>
            <Text className="kind-grid__hint">{choice.hint}</Text>
          </View>
        </View>
      ))}
      <View className="kind-grid__others">
        {others.map((choice) => (
          <View
            key={choice.kind}
            className="kind-grid__item main-control"
            hoverClass="kind-grid__item--pressed"
            onClick={() => onChoose(choice.kind)}
            {...a11y(undefined, 'button')}
          >
            <Text className="kind-grid__label">{choice.label}</Text>
            <Text className="kind-grid__hint">{choice.hint}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
