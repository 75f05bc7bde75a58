/**
 * One voice interface for every platform. Taro's resolver picks `voice.weapp.ts`,
 * `voice.alipay.ts` or `voice.h5.ts` for `import … from './voice'` by TARO_ENV; `voice.ts`
 * (no speech) is what TypeScript and Jest see, and what any other platform gets.
 */
export interface Voice {
  /** Text-to-speech works here; when false, the 朗读 button is hidden. */
  isSupported: () => boolean
  /** Speech recognition works here; when false, the voice input button is hidden. */
  canListen: () => boolean
  /** Reads the text; resolves when it has been read or was stopped. */
  speak: (text: string) => Promise<void>
  stop: () => void
  /** Starts recognition; resolves with the text once `stopListening` is called or speech ends. */
  listen: () => Promise<string>
  stopListening: () => void
}

/** Thrown by `listen` when nothing usable was heard or the microphone was refused. */
export class VoiceError extends Error {
  constructor(
    readonly reason: 'unsupported' | 'denied' | 'no-speech' | 'failed',
    message: string,
  ) {
    super(message)
    this.name = 'VoiceError'
  }
}

/** Splits long text at sentence ends so each piece stays under a TTS engine's length limit. */
export function chunkText(text: string, max: number): string[] {
  const sentences = text.match(/[^。！？；\n]+[。！？；\n]?/g) ?? []
  const chunks: string[] = []
  let current = ''
  for (const raw of sentences) {
    const sentence = raw.trim()
    if (!sentence) continue
    if (current && current.length + sentence.length > max) {
      chunks.push(current)
      current = ''
    }
    for (let i = 0; i < sentence.length; i += max) {
      const piece = sentence.slice(i, i + max)
      if (piece.length === max) chunks.push(piece)
      else current += piece
    }
  }
  if (current) chunks.push(current)
  return chunks
}
