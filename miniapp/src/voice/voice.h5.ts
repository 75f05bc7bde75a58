import type { Voice } from './types'
import { VoiceError } from './types'

/*
 * Web Speech in the H5 build: speechSynthesis with a zh-CN voice, and (Chrome, Edge, Safari)
 * SpeechRecognition for voice input. Either may be missing; each is checked on its own.
 */

interface RecognitionResultEvent {
  results: ArrayLike<ArrayLike<{ transcript: string }>>
}

interface Recognition {
  lang: string
  interimResults: boolean
  continuous: boolean
  onresult: ((event: RecognitionResultEvent) => void) | null
  onerror: ((event: { error: string }) => void) | null
  onend: (() => void) | null
  start: () => void
  stop: () => void
}

type RecognitionConstructor = new () => Recognition

function recognitionClass(): RecognitionConstructor | undefined {
  if (typeof window === 'undefined') return undefined
  const w = window as unknown as Record<string, RecognitionConstructor | undefined>
  return w.SpeechRecognition ?? w.webkitSpeechRecognition
}

function synthesis(): SpeechSynthesis | undefined {
  if (typeof window === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') {
    return undefined
  }
  return window.speechSynthesis
}

function chineseVoice(s: SpeechSynthesis): SpeechSynthesisVoice | undefined {
  const voices = s.getVoices()
  return (
    voices.find((v) => v.lang === 'zh-CN') ?? voices.find((v) => /^zh/i.test(v.lang)) ?? undefined
  )
}

let active: Recognition | undefined

export const voice: Voice = {
  isSupported: () => synthesis() !== undefined,
  canListen: () => recognitionClass() !== undefined,

  speak(text) {
    const s = synthesis()
    if (!s) return Promise.resolve()
    s.cancel()
    return new Promise((resolve) => {
      const utterance = new SpeechSynthesisUtterance(text)
      utterance.lang = 'zh-CN'
      utterance.rate = 0.9
      const zh = chineseVoice(s)
      if (zh) utterance.voice = zh
      utterance.onend = () => resolve()
      // `cancel()` (our stop) ends an utterance with an error event: that is a normal end too.
      utterance.onerror = () => resolve()
      s.speak(utterance)
    })
  },

  stop() {
    synthesis()?.cancel()
  },

  listen() {
    const Rec = recognitionClass()
    if (!Rec) return Promise.reject(new VoiceError('unsupported', '当前浏览器不支持语音输入'))
    active?.stop()
    const rec = new Rec()
    active = rec
    rec.lang = 'zh-CN'
    rec.interimResults = false
    rec.continuous = true
    return new Promise((resolve, reject) => {
      let text = ''
      let failed: VoiceError | undefined
      rec.onresult = (event) => {
        text = Array.from(event.results, (r) => r[0]?.transcript ?? '').join('')
      }
      rec.onerror = (event) => {
        failed =
          event.error === 'not-allowed' || event.error === 'service-not-allowed'
            ? new VoiceError('denied', '没有麦克风权限，请在浏览器设置中允许')
            : event.error === 'no-speech'
              ? new VoiceError('no-speech', '没有听清，请再说一次')
              : new VoiceError('failed', '语音识别失败，请再试一次或直接输入')
      }
      rec.onend = () => {
        if (active === rec) active = undefined
        if (text.trim()) resolve(text.trim())
        else reject(failed ?? new VoiceError('no-speech', '没有听清，请再说一次'))
      }
      rec.start()
    })
  },

  stopListening() {
    active?.stop()
  },
}
