import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { a11y } from '../../a11y'
import './index.scss'

export interface SwitchRowProps {
  title: string
  /** One line under the title: what switching it on does. */
  hint?: string
  on: boolean
  onChange: (on: boolean) => void
  /** Shown under the row while it is on (e.g. the 余额不足 amount). */
  children?: ReactNode
}

/**
 * A setting switched on and off. The whole row is the target (>= 60 px tall in 长辈模式) and
 * its state is written out (已开启/已关闭), not shown by the knob's colour alone; it is named
 * by those visible words.
 */
export function SwitchRow({ title, hint, on, onChange, children }: SwitchRowProps) {
  return (
    <View className="switch-row">
      <View
        className="switch-row__control main-control"
        hoverClass="switch-row__control--pressed"
        onClick={() => onChange(!on)}
        {...a11y(undefined, 'switch')}
        {...{ 'aria-checked': on ? 'true' : 'false' }}
      >
        <View className="switch-row__text">
          <Text className="switch-row__title">{title}</Text>
          {hint ? <Text className="switch-row__hint">{hint}</Text> : null}
        </View>
        <View className="switch-row__end">
          <Text className="switch-row__state">{on ? '已开启' : '已关闭'}</Text>
          <View className={`switch-row__track${on ? ' switch-row__track--on' : ''}`}>
            <View className="switch-row__knob" />
          </View>
        </View>
      </View>
      {on && children ? <View className="switch-row__more">{children}</View> : null}
    </View>
  )
}
