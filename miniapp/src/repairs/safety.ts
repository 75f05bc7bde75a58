import type { RepairKind } from '@gh/shared'

/*
 * What to do first when gas leaks or a CO alarm sounds, before any form: the utility's own
 * 安全用气 guidance. A spark from a switch, a plug or a phone can ignite gas, so the call is
 * made outside.
 */
export interface SafetyStep {
  title: string
  detail: string
}

export const safetySteps: readonly SafetyStep[] = [
  {
    title: '不要开关电器、不要点火、不要打电话',
    detail: '在屋里不要开灯关灯、不要插拔插头、不要点火抽烟，也不要在屋里打电话。',
  },
  { title: '打开门窗通风', detail: '轻轻打开门窗，让燃气散出去。' },
  { title: '关闭燃气表前阀门', detail: '把燃气表前面的阀门拧到关闭位置。' },
  { title: '立即离开到室外', detail: '带上家人马上离开，不要乘电梯。' },
  { title: '在室外拨打24小时抢修电话', detail: '到了室外再打电话，说清楚地址和情况。' },
]

/** A CO alarm can also mean someone is already poisoned. */
export const coPoisoningNote = '如果有人头晕、恶心、乏力，到室外后立即拨打120急救电话。'

export function safetyTitle(kind: RepairKind): string {
  return kind === 'co_alarm' ? '一氧化碳报警，请先这样做' : '闻到燃气味，请先这样做'
}
