import type { SelfCheck, SelfCheckAnswers } from '@gh/shared'

/*
 * The form's choices (what the chips say) and the answers the BFF keeps, both ways. A question
 * the home has no appliance for (熄火保护 without a stove) is not asked and stays null.
 */

export const ALARM_PRESENT = ['已安装', '没有安装'] as const
export const ALARM_WORKING = ['正常', '不正常', '不清楚'] as const
export const HOSE_TYPES = ['金属波纹管', '橡胶软管', '不清楚'] as const
export const FLAME_FAILURE = ['有', '没有', '不清楚'] as const
export const VENTING = ['烟道通到室外', '强排（带风机）', '没有烟道', '不清楚'] as const

export interface Draft {
  alarmPresent?: string
  alarmWorking?: string
  alarmMonth: string | null
  hoseType?: string
  hoseMonth: string | null
  flameFailure?: string
  venting?: string
}

const yesNo = { yes: '有', no: '没有', unknown: '不清楚' } as const
const working = { yes: '正常', no: '不正常', unknown: '不清楚' } as const
const hose = { metal: '金属波纹管', rubber: '橡胶软管', unknown: '不清楚' } as const
const venting = {
  flue: '烟道通到室外',
  forced: '强排（带风机）',
  none: '没有烟道',
  unknown: '不清楚',
} as const

function keyOf<K extends string>(
  table: Record<K, string>,
  label: string | undefined,
): K | undefined {
  return (Object.keys(table) as K[]).find((k) => table[k] === label)
}

export function draftOf(answers: SelfCheckAnswers | null): Draft {
  if (!answers) return { alarmMonth: null, hoseMonth: null }
  const { alarm, stove, waterHeater } = answers
  return {
    alarmPresent: alarm.present ? '已安装' : '没有安装',
    ...(alarm.working ? { alarmWorking: working[alarm.working] } : {}),
    alarmMonth: alarm.installedOn,
    hoseType: hose[answers.hose.type],
    hoseMonth: answers.hose.installedOn,
    ...(stove ? { flameFailure: yesNo[stove.flameFailure] } : {}),
    ...(waterHeater ? { venting: venting[waterHeater.venting] } : {}),
  }
}

/** The answers, or the first question still open (in words, for the line under the button). */
export function answersOf(draft: Draft, asks: SelfCheck['asks']): SelfCheckAnswers | string {
  const present = draft.alarmPresent === '已安装'
  if (!draft.alarmPresent) return '请回答：家里装了燃气报警器吗？'
  const alarmWorking = keyOf(working, draft.alarmWorking)
  if (present && !alarmWorking) return '请回答：报警器自检时灯亮、会响吗？'
  const hoseType = keyOf(hose, draft.hoseType)
  if (!hoseType) return '请回答：灶具和燃气管之间是哪种软管？'
  const flameFailure = keyOf(yesNo, draft.flameFailure)
  if (asks.stove && !flameFailure) return '请回答：灶具有熄火保护吗？'
  const vent = keyOf(venting, draft.venting)
  if (asks.waterHeater && !vent) return '请回答：热水器怎么排烟？'
  return {
    alarm: present
      ? { present: true, working: alarmWorking ?? 'unknown', installedOn: draft.alarmMonth }
      : { present: false, working: null, installedOn: null },
    hose: { type: hoseType, installedOn: hoseType === 'unknown' ? null : draft.hoseMonth },
    stove: asks.stove && flameFailure ? { flameFailure } : null,
    waterHeater: asks.waterHeater && vent ? { venting: vent } : null,
  }
}

/** '2025-05' → '2025年5月'. */
export function monthText(month: string | null): string {
  if (!month) return '不清楚'
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}
