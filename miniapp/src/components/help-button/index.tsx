import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { HelpAlert, HelpAlertKind } from '@gh/shared'
import { a11y, decorative } from '../../a11y'
import { randomKey } from '../../api/client'
import { showModal } from '../../elder/modal'
import { useAction } from '../../hooks/use-action'
import { sendHelpAlert } from './send'
import './index.scss'

/** How long the button is held before the alert goes: long enough that a brush sends nothing. */
export const HOLD_MS = 2000
const TICK_MS = 50

const WORDS: Record<HelpAlertKind, { title: string; confirm: string }> = {
  help: { title: '一键求助', confirm: '将通知您的家人和片区服务站，确定发出求助吗？' },
  gas_smell: {
    title: '闻到燃气味',
    confirm: '将通知家人和服务站，并拨打24小时抢修电话。请先到室外再打电话。确定吗？',
  },
}

export interface HelpButtonProps {
  accountNo: string
  kind: HelpAlertKind
  shareLocation: boolean
  /** The 24-hour line, called after a gas-smell alert. */
  emergencyPhone?: string
  onSent: (alert: HelpAlert) => void
}

/**
 * The 一键求助 button: held for two seconds (the ring fills while it is held; letting go early
 * sends nothing), or tapped for a dialog that asks once more, which is also what a screen
 * reader's double tap does. One press is one alert: its key is kept until it has gone.
 */
export function HelpButton(props: HelpButtonProps) {
  const { accountNo, kind, shareLocation, emergencyPhone, onSent } = props
  const [held, setHeld] = useState(0)
  const timer = useRef<ReturnType<typeof setInterval> | null>(null)
  const started = useRef(0)
  const justSent = useRef(false)
  const key = useRef(randomKey())
  const words = WORDS[kind]

  const send = useAction(async () => {
    const alert = await sendHelpAlert({
      accountNo,
      kind,
      shareLocation,
      idempotencyKey: key.current,
    })
    key.current = randomKey()
    onSent(alert)
    if (kind === 'gas_smell' && emergencyPhone) {
      await Taro.makePhoneCall({ phoneNumber: emergencyPhone }).catch(() => undefined)
    }
  })

  const stop = () => {
    if (timer.current) clearInterval(timer.current)
    timer.current = null
    setHeld(0)
  }
  useEffect(() => stop, [])

  const start = () => {
    if (timer.current || send.busy) return
    started.current = Date.now()
    timer.current = setInterval(() => {
      const progress = Math.min(1, (Date.now() - started.current) / HOLD_MS)
      setHeld(progress)
      if (progress >= 1) {
        stop()
        justSent.current = true
        void send.run()
      }
    }, TICK_MS)
  }

  const confirmByDialog = async () => {
    // The tap that ends a completed hold is not a request for the dialog.
    if (justSent.current) {
      justSent.current = false
      return
    }
    stop()
    const ok = await showModal({
      title: words.title,
      content: words.confirm,
      confirmText: '发出求助',
      cancelText: '取消',
      danger: true,
    })
    if (ok) await send.run()
  }

  const percent = Math.round(held * 100)
  const label = send.busy ? '正在发出求助' : `${words.title}，按住两秒发出，或点一下再确认`
  return (
    <View className={`help-button help-button--${kind}`}>
      <View
        className={`help-button__target main-control${held > 0 ? ' help-button__target--holding' : ''}`}
        onTouchStart={start}
        onTouchEnd={stop}
        onTouchCancel={stop}
        onClick={() => void confirmByDialog()}
        {...a11y(label, 'button')}
      >
        <Text className="help-button__title">{send.busy ? '正在发出…' : words.title}</Text>
        <Text className="help-button__hint">
          {held > 0 ? `继续按住 ${percent}%` : '按住2秒发出'}
        </Text>
        {/* The hint above says the same in words, so the bar is only for the eye. */}
        <View className="help-button__progress" {...decorative()}>
          <View className="help-button__bar" style={{ width: `${percent}%` }} />
        </View>
      </View>
    </View>
  )
}
