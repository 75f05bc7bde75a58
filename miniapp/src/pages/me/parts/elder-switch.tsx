import { Text, View } from '@tarojs/components'
import { a11y } from '../../../a11y'
import { useElderMode } from '../../../elder'

/**
 * The 长辈模式 switch. The whole row is the target (>= 60 px tall in elderly mode) and the
 * state is written out (已开启/已关闭), not shown by the knob's colour alone. It is named by
 * those visible words, so its accessible name always holds what it shows.
 */
export function ElderSwitch() {
  const { elder, setElder } = useElderMode()
  return (
    <View
      className="setting-row setting-row--tappable main-control elder-switch"
      hoverClass="setting-row--pressed"
      onClick={() => setElder(!elder)}
      {...a11y(undefined, 'switch')}
      {...{ 'aria-checked': elder ? 'true' : 'false' }}
    >
      <View className="elder-switch__text">
        <Text className="setting-row__title">长辈模式</Text>
        <Text className="elder-switch__hint">关怀版/长辈版</Text>
      </View>
      <View className="setting-row__end">
        <Text className="setting-row__value">{elder ? '已开启' : '已关闭'}</Text>
        <View className={`elder-switch__track${elder ? ' elder-switch__track--on' : ''}`}>
          <View className="elder-switch__knob" />
        </View>
      </View>
    </View>
  )
}
