import type { Voice } from './types'
import { VoiceError } from './types'

/*
 * Alipay mini-programs offer no text-to-speech or speech recognition API to third-party apps
 * (my.getRecorderManager records audio only, and recognition would need a server-side ASR
 * contract the utility does not have). So the buttons are hidden here; the resident can still
 * use Alipay's own 长辈模式 and the system screen reader, which read our aria labels.
 */
export const voice: Voice = {
  isSupported: () => false,
  canListen: () => false,
  speak: () => Promise.resolve(),
  stop: () => undefined,
  listen: () => Promise.reject(new VoiceError('unsupported', '支付宝中暂不支持语音输入')),
  stopListening: () => undefined,
}
