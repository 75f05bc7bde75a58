export { ElderProvider, useElderMode } from './elder-context'
export type { ElderMode } from './elder-context'
export { elderSignal } from './elder-signal'
