import type { StatusTone } from '../order-status'

/** A mark beside the state's words, so colour is never the only signal. */
export const toneMark: Record<StatusTone, string> = { done: '✓', waiting: '…', problem: '!' }
