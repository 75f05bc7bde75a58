import { Text, View } from '@tarojs/components'
import { a11y } from '../../../a11y'

export interface SettingRowProps {
  title: string
  value?: string
  /** Visible word for what a tap does (e.g. 拨打), so the row does not rely on an arrow icon. */
  actionHint?: string
  /** A count that needs attention (3 条未读), written out and marked, not a bare red dot. */
  badge?: string
  onClick?: () => void
}

/**
 * One row of 我的. A tappable row is named by the words it shows (title, value, action), so its
 * accessible name always holds its visible text and voice control finds it by them.
 */
export function SettingRow({ title, value, actionHint, badge, onClick }: SettingRowProps) {
  const tappable = onClick !== undefined
  return (
    <View
      className={`setting-row${tappable ? ' setting-row--tappable main-control' : ''}`}
      hoverClass={tappable ? 'setting-row--pressed' : 'none'}
      onClick={onClick}
      {...(tappable ? a11y(undefined, 'button') : {})}
    >
      <Text className="setting-row__title">{title}</Text>
      <View className="setting-row__end">
        {badge ? <Text className="setting-row__badge">{badge}</Text> : null}
        {value ? <Text className="setting-row__value">{value}</Text> : null}
        {actionHint ? <Text className="setting-row__action">{actionHint}</Text> : null}
      </View>
    </View>
  )
}
