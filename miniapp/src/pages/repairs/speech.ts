import type { Repair, RepairKind } from '@gh/shared'
import { kindChoices, repairKindLabels } from '../../repairs/kinds'
import {
  repairStateSpeech,
  safetySpeech as stepsSpeech,
  speakCount,
  speakLabel,
} from '../../repairs/speech'

/* What 朗读 says on the 报修 tab and on the safety screen before a leak or CO report. */

export interface RepairsFacts {
  loggedIn: boolean
  /** The kind of an unsent report kept on the phone, when there is one with content. */
  draftKind: RepairKind | null | undefined
  /** The current account's reports, newest first; undefined while they load. */
  repairs: readonly Repair[] | undefined
}

/** 报修 tab: the dangerous choices first, the others, an unsent report, then the newest report. */
export function repairsSpeech(facts: RepairsFacts): string {
  const others = kindChoices
    .filter((c) => c.kind !== 'gas_leak' && c.kind !== 'co_alarm')
    .map((c) => speakLabel(c.label))
  const parts = [
    '报修。闻到燃气味或者一氧化碳报警，请点最上面的两个按钮，先看安全提示。',
    `其他故障请选择：${others.join('、')}。`,
  ]
  if (facts.draftKind !== undefined) {
    const kind = facts.draftKind ? speakLabel(repairKindLabels[facts.draftKind]) : ''
    parts.push(`您有一份还没有发送的报修${kind ? `：${kind}` : ''}，可以点继续填写。`)
  }
  if (!facts.loggedIn) parts.push('登录后可以报修，并随时查看处理进度。')
  else if (facts.repairs === undefined) parts.push('报修记录正在加载。')
  else if (facts.repairs.length === 0) parts.push('暂无报修记录，报修后处理进度会显示在这里。')
  else {
    const [latest] = facts.repairs
    parts.push(`您有${speakCount(facts.repairs.length)}条报修记录。`)
    if (latest) parts.push(`最近一条：${repairStateSpeech(latest)}`)
  }
  return parts.join('')
}

/** The safety screen: the steps first, then the line to call and how to go on. */
export function safetySpeech(kind: RepairKind, phone: string | undefined): string {
  return `${stepsSpeech(kind, phone)}到了安全的地方，可以点继续报修，不需要拍照，也不需要预约时间。`
}
