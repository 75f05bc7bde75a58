import type { RepairTone } from '../live'

/** A mark beside the state's words, so colour is never the only signal. */
export const toneMark: Record<RepairTone, string> = { done: '✓', waiting: '…', problem: '!' }
