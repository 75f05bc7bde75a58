export { voice } from './voice'
export type { Voice } from './types'
export { VoiceError, chunkText } from './types'
