import { maskName, repairKindLabels, type RepairKind, type RepairSlotWindow } from '@gh/shared'
import { toShanghaiIso } from '../platform/time'

/** The Chinese the resident reads about a repair: times, names, advice. No personal data. */

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
const WINDOW_LABELS: Record<RepairSlotWindow, string> = {
  am: '上午 9:00–12:00',
  pm: '下午 14:00–18:00',
}

/** 'HH:mm' in Shanghai, whatever offset the upstream wrote. */
export const clockTime = (iso: string): string => shanghai(iso).slice(11, 16)

/** '11月27日 14:30' in Shanghai. */
export function dayAndTime(iso: string): string {
  const local = shanghai(iso)
  return `${Number(local.slice(5, 7))}月${Number(local.slice(8, 10))}日 ${local.slice(11, 16)}`
}

/** Any ISO instant as +08:00, the form every answer of ours uses. */
export const shanghai = (iso: string): string => toShanghaiIso(new Date(iso))

/** '11月27日 周五 上午 9:00–12:00'. */
export function slotLabel(date: string, window: RepairSlotWindow): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? ''
  return `${m}月${d}日 ${weekday} ${WINDOW_LABELS[window]}`
}

/** '王师傅': the surname only, as residents address a technician. */
export function technicianCallName(fullName: string): string {
  const surname = maskName(fullName).replace(/\*+$/, '')
  return `${surname || ''}师傅`
}

/** What to do right now, before anyone arrives, for the urgent kinds. */
export const urgentAdvice: Partial<Record<RepairKind, string>> = {
  gas_leak:
    '请立即关闭燃气总阀，打开门窗通风；不要开关电器、不要使用明火或在室内打电话，到室外安全处等候抢修人员。',
  co_alarm:
    '请立即打开门窗通风，关闭燃气热水器和灶具，带家人离开房间到通风处；有头晕、恶心等不适请拨打 120。',
}

export const kindLabel = (kind: RepairKind): string => repairKindLabels[kind]

/** The escalation as the resident reads it: what happened and what happens next. */
export function escalationWords(level: number, hotline: string): { label: string; detail: string } {
  if (level >= 2) {
    return {
      label: '仍未受理，已升级至客服中心督办',
      detail: `客服中心已安排专人跟进，会尽快电话联系您；如情况紧急请拨打 ${hotline}。`,
    }
  }
  return {
    label: '超时未受理，已升级督办',
    detail: `已超过受理时限，站长督办，将优先受理并派单；如情况紧急请拨打 ${hotline}。`,
  }
}
