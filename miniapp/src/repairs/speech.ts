import { speakDigits, speakNumber } from '@gh/shared'
import type { Repair, RepairKind } from '@gh/shared'
import { coPoisoningNote, safetySteps, safetyTitle } from './safety'
import { speakWhen } from './time'

/* Pieces every 报修 page's 朗读 is made of; each page's speech.ts puts them in its order. */

const ORDINALS = ['第一', '第二', '第三', '第四', '第五', '第六']

/** A phone number digit by digit, its groups apart: 九六七七七 / 四零零，一二三. */
export function speakPhone(phone: string): string {
  const groups = phone.match(/\d+/g) ?? []
  return groups.map((g) => speakDigits(g)).join('，')
}

/** 两 before a measure word (两条, 两张), as it is said. */
export function speakCount(n: number): string {
  return n === 2 ? '两' : speakNumber(n)
}

// BFF texts are Chinese sentences; one with digits in it would be guessed at by the TTS engine.
export const speakable = (text: string | null | undefined): text is string =>
  !!text && !/\d/.test(text)

/** 灶具/热水器 → 灶具或热水器: a slash is read out as a symbol. */
export const speakLabel = (label: string) => label.replace(/\//g, '或')

const sentence = (text: string) => `${text.replace(/[。.！!]$/, '')}。`

/** The safety steps, numbered, and the 24-hour line: what a leak or CO report reads first. */
export function safetySpeech(kind: RepairKind, phone: string | undefined): string {
  const parts = [sentence(safetyTitle(kind))]
  safetySteps.forEach((step, i) => parts.push(`${ORDINALS[i] ?? ''}，${sentence(step.title)}`))
  if (kind === 'co_alarm') parts.push(coPoisoningNote)
  parts.push(
    phone
      ? `二十四小时抢修电话：${speakPhone(phone)}。到了室外再拨打。`
      : '到了室外再拨打抢修电话。',
  )
  // Numbers said the way they are dialled and heard, not guessed at by the TTS engine.
  return parts
    .join('')
    .replace(/24小时/g, '二十四小时')
    .replace(/120/g, '一二零')
}

/**
 * A report's state and what comes next, in the words the detail page shows: who is coming and
 * when, an escalation, and what the resident can do now (催单, 评价, 重新报修).
 */
export function repairStateSpeech(repair: Repair): string {
  const parts = [`${speakLabel(repair.kindLabel)}，${repair.stateLabel}。`]
  if (repair.escalation) {
    parts.push(sentence(repair.escalation.label))
    if (speakable(repair.escalation.detail)) parts.push(sentence(repair.escalation.detail))
  }
  const tech = repair.technician
  if (tech && (repair.state === 'dispatched' || repair.state === 'on_the_way')) {
    parts.push(`上门师傅：${tech.name}。`)
  }
  if (repair.state === 'on_the_way' && repair.etaAt) {
    parts.push(`预计${speakWhen(repair.etaAt)}到达。`)
  }
  if (speakable(repair.hint)) parts.push(sentence(repair.hint))
  parts.push(nextStepSpeech(repair))
  return parts.join('')
}

function nextStepSpeech(repair: Repair): string {
  const { actions } = repair
  if (actions.canRate) {
    const reopen = actions.canReopen ? '如果问题没有解决，可以点重新报修。' : ''
    return `处理完了，请为这次服务打分。${reopen}`
  }
  if (actions.canReopen) {
    const until = actions.reopenUntil ? `${speakWhen(actions.reopenUntil)}前` : ''
    return `如果问题没有解决，${until}可以点重新报修。`
  }
  if (actions.canUrge) return '如果着急，可以点催单。'
  if (actions.nextUrgeAt) return `已经催过单了，${speakWhen(actions.nextUrgeAt)}以后可以再催。`
  if (repair.state === 'rated') return '这次报修已经评价，谢谢您。'
  return '进度会自动更新。'
}
