import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { a11y } from '../../a11y'
import { useElderMode } from '../../elder'
import { voice as platformVoice } from '../../voice'
import type { Voice } from '../../voice'
import './index.scss'

export interface ReadAloudProps {
  /** Built when tapped, so it reads what the page shows at that moment. */
  text: () => string
  /** What is read, for the label: "朗读本页：账户余额". */
  what?: string
  /** Injected in tests; the platform's voice otherwise. */
  voice?: Voice
}

/**
 * 朗读: reads a page's key content aloud; tapping again stops. Hidden where the platform has
 * no speech (Alipay), so it is never a button that does nothing.
 */
export function ReadAloud({ text, what, voice = platformVoice }: ReadAloudProps) {
  const { elder } = useElderMode()
  const [speaking, setSpeaking] = useState(false)
  const run = useRef(0)

  // Leaving the page (or unmounting) must not leave the phone talking.
  useEffect(() => () => voice.stop(), [voice])

  if (!voice.isSupported()) return null

  const toggle = () => {
    if (speaking) {
      run.current += 1
      voice.stop()
      setSpeaking(false)
      return
    }
    const mine = ++run.current
    setSpeaking(true)
    void voice.speak(text()).finally(() => {
      if (run.current === mine) setSpeaking(false)
    })
  }

  const label = speaking ? '停止朗读' : `朗读本页${what ? `：${what}` : ''}`
  return (
    <View
      className={`read-aloud${elder ? ' read-aloud--elder' : ''}${speaking ? ' read-aloud--on' : ''}`}
      hoverClass="read-aloud--pressed"
      onClick={toggle}
      {...a11y(label, 'button')}
      aria-pressed={speaking ? 'true' : 'false'}
    >
      <Text className="read-aloud__text">{speaking ? '停止' : '朗读'}</Text>
    </View>
  )
}

/** The 朗读 button on its own row at the top of a page's content, aligned to the end. */
export function ReadAloudBar(props: ReadAloudProps) {
  const supported = (props.voice ?? platformVoice).isSupported()
  if (!supported) return null
  return (
    <View className="read-aloud-bar">
      <ReadAloud {...props} />
    </View>
  )
}
