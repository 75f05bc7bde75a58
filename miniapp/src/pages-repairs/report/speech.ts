import { speakDate } from '@gh/shared'
import type { RepairKind, RepairSlot } from '@gh/shared'
import { isUrgentRepairKind, repairKindLabels } from '../../repairs/kinds'
import { safetySpeech, speakCount, speakLabel } from '../../repairs/speech'

/* What 朗读 says on 填写报修: for a leak or an alarm the safety steps come first. */

export interface ReportFacts {
  kind: RepairKind | null
  description: string
  photos: { stored: number; uploading: boolean; failed: number }
  slotLabel: string | null
  slotDate: RepairSlot | null
  /** Whose phone the technician calls. */
  phone: 'own' | 'other'
  /** The form's error line, when shown. */
  error: string | null
}

const windowWords = { am: '上午', pm: '下午' } as const

export function reportSpeech(facts: ReportFacts | undefined, emergencyPhone?: string): string {
  if (!facts) return '填写报修。正在加载报修信息。'
  const parts: string[] = []
  const urgent = facts.kind !== null && isUrgentRepairKind(facts.kind)
  if (facts.kind && urgent) {
    parts.push(safetySpeech(facts.kind, emergencyPhone))
    parts.push('紧急报修会尽快派人上门，不需要拍照，也不需要预约时间。')
  }
  parts.push('填写报修。')
  parts.push(
    facts.kind ? `故障类型：${speakLabel(repairKindLabels[facts.kind])}。` : '还没有选择故障类型。',
  )
  const description = facts.description.trim()
  if (description) parts.push(`您写的情况是：${description}。`)
  else parts.push(urgent ? '情况说明可以不填。' : '故障描述还没有填写，可以点说话，用语音说出来。')
  if (!urgent) {
    const { stored, uploading, failed } = facts.photos
    if (stored > 0) parts.push(`已上传${speakCount(stored)}张照片。`)
    if (uploading) parts.push('照片正在上传。')
    if (failed > 0) parts.push(`有${speakCount(failed)}张照片没有上传成功，可以点重试。`)
    parts.push(
      facts.slotDate
        ? `希望上门时间：${speakDate(facts.slotDate.date).replace(/^[^年]*年/, '')}${windowWords[facts.slotDate.window]}。`
        : '没有选择上门时间，客服会打电话和您约时间。',
    )
  }
  parts.push(facts.phone === 'own' ? '联系电话是您的手机号。' : '联系电话是您填写的号码。')
  if (facts.error) parts.push(`没有提交成功：${facts.error}`)
  else parts.push(urgent ? '确认后请点提交紧急报修。' : '填好后请点提交报修。')
  return parts.join('')
}
