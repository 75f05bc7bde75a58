import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { a11y } from '../../a11y'
import { useElderMode } from '../../elder'
import { VoiceError, voice as platformVoice } from '../../voice'
import type { Voice } from '../../voice'
import './index.scss'

export interface VoiceInputProps {
  /** Called only after the resident confirmed the recognized text. */
  onConfirm: (text: string) => void
  /** What to say, e.g. "说出故障情况". */
  prompt?: string
  voice?: Voice
}

type Step =
  { kind: 'idle'; error?: string } | { kind: 'listening' } | { kind: 'confirm'; text: string }

/**
 * Speak instead of typing. Tap 说话 to start and 说完了 to finish (a tap, not press-and-hold:
 * holding is hard with a tremor and impossible with a switch device). The recognized text is
 * shown with 使用这段文字 / 重新说, and nothing is used until the resident confirms it.
 */
export function VoiceInput({
  onConfirm,
  prompt = '点击后说话',
  voice = platformVoice,
}: VoiceInputProps) {
  const { elder } = useElderMode()
  const [step, setStep] = useState<Step>({ kind: 'idle' })

  useEffect(() => () => voice.stopListening(), [voice])

  if (!voice.canListen()) return null

  const start = () => {
    setStep({ kind: 'listening' })
    voice.listen().then(
      (text) => setStep({ kind: 'confirm', text }),
      (err: unknown) =>
        setStep({
          kind: 'idle',
          error: err instanceof VoiceError ? err.message : '语音识别失败，请再试一次或直接输入',
        }),
    )
  }

  const root = `voice-input${elder ? ' voice-input--elder' : ''}`
  if (step.kind === 'confirm') {
    return (
      <View className={root} {...a11y('请确认识别的文字', 'group')}>
        <Text className="voice-input__label">听到的是：</Text>
        <Text className="voice-input__heard" selectable>
          {step.text}
        </Text>
        <View className="voice-input__row">
          <Button
            className="voice-input__button voice-input__button--primary"
            label={`使用这段文字：${step.text}`}
            onClick={() => {
              onConfirm(step.text)
              setStep({ kind: 'idle' })
            }}
          >
            使用这段文字
          </Button>
          <Button className="voice-input__button" label="重新说一遍" onClick={start}>
            重新说
          </Button>
        </View>
      </View>
    )
  }

  const listening = step.kind === 'listening'
  return (
    <View className={root}>
      <Button
        className={`voice-input__button voice-input__mic${listening ? ' voice-input__mic--on' : ''}`}
        label={listening ? '说完了，停止录音' : `说话（语音输入：${prompt}）`}
        onClick={listening ? () => voice.stopListening() : start}
      >
        {listening ? '说完了' : '说话'}
      </Button>
      {listening ? (
        <Text className="voice-input__hint" {...a11y(undefined, 'status')}>
          正在听，请说话…
        </Text>
      ) : null}
      {step.kind === 'idle' && step.error ? (
        <Text className="voice-input__hint voice-input__hint--error" {...a11y(undefined, 'alert')}>
          {step.error}
        </Text>
      ) : null}
    </View>
  )
}

/** `label` starts with the visible words, so a name spoken to voice control finds the button. */
function Button(props: {
  className: string
  label: string
  onClick: () => void
  children: string
}) {
  return (
    <View
      className={props.className}
      hoverClass="voice-input__button--pressed"
      onClick={props.onClick}
      {...a11y(props.label, 'button')}
    >
      <Text>{props.children}</Text>
    </View>
  )
}
