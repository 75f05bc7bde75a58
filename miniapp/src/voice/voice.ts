import type { Voice } from './types'
import { VoiceError } from './types'

/** Platforms without speech: the 朗读 and voice input buttons are hidden, never broken. */
export const voice: Voice = {
  isSupported: () => false,
  canListen: () => false,
  speak: () => Promise.resolve(),
  stop: () => undefined,
  listen: () => Promise.reject(new VoiceError('unsupported', '当前环境不支持语音输入')),
  stopListening: () => undefined,
}
