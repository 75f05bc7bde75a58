import Taro from '@tarojs/taro'
import type { Voice } from './types'
import { VoiceError, chunkText } from './types'

/*
 * WeChat: the 微信同声传译 plugin (WechatSI) turns text into an audio file that an
 * InnerAudioContext plays, and its record recognition manager turns speech into text. The
 * plugin must be declared in app.config (weapp only) and added to the AppID in the WeChat admin
 * console (设置 → 第三方设置 → 插件管理); without it `requirePlugin` throws and the buttons hide.
 */

interface RecognitionManager {
  start: (options: { duration: number; lang: string }) => void
  stop: () => void
  onStop: ((res: { result?: string }) => void) | null
  onError: ((res: { retcode?: number; msg?: string }) => void) | null
}

interface WechatSI {
  textToSpeech: (options: {
    lang: string
    tts: boolean
    content: string
    success: (res: { filename: string }) => void
    fail: (res: { retcode?: number; msg?: string }) => void
  }) => void
  getRecordRecognitionManager: () => RecognitionManager
}

/** The plugin's limit is 1000 bytes of UTF-8 per call; 300 Chinese characters stay below it. */
const TTS_CHUNK = 300
const MAX_RECORD_MS = 60_000

let plugin: WechatSI | null | undefined
function si(): WechatSI | null {
  if (plugin === undefined) {
    try {
      plugin = (Taro.requirePlugin('WechatSI') as WechatSI | undefined) ?? null
    } catch (err) {
      console.warn('WechatSI plugin unavailable', err)
      plugin = null
    }
  }
  return plugin
}

let audio: Taro.InnerAudioContext | undefined
let reading = 0 // bumps on every speak/stop so an old queue stops playing

function synthesize(p: WechatSI, content: string): Promise<string> {
  return new Promise((resolve, reject) => {
    p.textToSpeech({
      lang: 'zh_CN',
      tts: true,
      content,
      success: (res) => resolve(res.filename),
      fail: (res) => reject(new Error(`textToSpeech ${res.retcode ?? ''} ${res.msg ?? ''}`)),
    })
  })
}

function play(src: string): Promise<void> {
  audio?.destroy()
  const ctx = Taro.createInnerAudioContext()
  audio = ctx
  // Play even when the phone is on silent: the resident pressed 朗读 on purpose.
  ctx.obeyMuteSwitch = false
  ctx.src = src
  return new Promise((resolve) => {
    ctx.onEnded(() => resolve())
    ctx.onStop(() => resolve())
    ctx.onError(() => resolve())
    ctx.play()
  })
}

let manager: RecognitionManager | undefined

export const voice: Voice = {
  isSupported: () => si() !== null,
  canListen: () => si() !== null,

  async speak(text) {
    const p = si()
    if (!p) return
    const run = ++reading
    audio?.stop()
    for (const chunk of chunkText(text, TTS_CHUNK)) {
      if (run !== reading) return
      const file = await synthesize(p, chunk).catch((err: unknown) => {
        console.warn('read aloud failed', err)
        return undefined
      })
      if (!file || run !== reading) return
      await play(file)
    }
  },

  stop() {
    reading += 1
    audio?.stop()
  },

  listen() {
    const p = si()
    if (!p) return Promise.reject(new VoiceError('unsupported', '当前微信版本不支持语音输入'))
    manager ??= p.getRecordRecognitionManager()
    const m = manager
    return new Promise((resolve, reject) => {
      m.onStop = (res) => {
        const text = (res.result ?? '').trim()
        if (text) resolve(text)
        else reject(new VoiceError('no-speech', '没有听清，请再说一次'))
      }
      m.onError = (res) => {
        // -30011/-30012: another recording is running or the microphone was refused.
        const denied = res.retcode === -30012 || /auth|权限/.test(res.msg ?? '')
        reject(
          denied
            ? new VoiceError('denied', '没有麦克风权限，请在设置中允许使用麦克风')
            : new VoiceError('failed', '语音识别失败，请再试一次或直接输入'),
        )
      }
      m.start({ duration: MAX_RECORD_MS, lang: 'zh_CN' })
    })
  },

  stopListening() {
    manager?.stop()
  },
}
