import type { Inspections, InspectionVisit } from '@gh/shared'
import { speakCount, speakShownText } from '../../voice/spoken-text'

/*
 * What 朗读 says on 入户安检: whether gas is stopped or back, the last inspection with what it
 * found, the booked next one, and what to do next.
 */

function findingsSpeech(visit: InspectionVisit): string {
  if (visit.findings.length === 0) return '没有发现问题。'
  const items = visit.findings.map(
    (f, i) => `第${speakCount(i + 1)}，${f.severityLabel}：${f.note}。`,
  )
  return `发现${speakCount(visit.findings.length)}个问题。${items.join('')}`
}

export function inspectionsSpeech(loggedIn: boolean, data: Inspections | undefined): string {
  if (!loggedIn) return '入户安检。请先登录并绑定户号。'
  if (!data) return '入户安检。正在加载。'
  const parts = ['入户安检。']
  if (data.supply === 'suspended') {
    parts.push('安检不合格，已停止供气。请按下面的问题整改后预约复检，复检合格就能恢复供气。')
  }
  if (data.supply === 'restored') parts.push('复检合格，已恢复供气，现在可以充值用气了。')
  const { last, next } = data
  if (last) {
    parts.push(
      `上次${last.kindLabel}：${last.whenLabel}，${last.stateLabel}。${findingsSpeech(last)}`,
    )
  } else parts.push('还没有安检记录。')
  if (next) {
    parts.push(`已预约${next.kindLabel}：${next.whenLabel}，请家中留人。需要时可以改约或取消。`)
  } else {
    const kind = data.nextKind === 're_inspection' ? '复检' : '安检'
    parts.push(`可以选一个上门时间，再点“预约${kind}”。`)
  }
  return speakShownText(parts.join(''))
}
