import type { SelfCheck } from '@gh/shared'
import { speakCount, speakShownText } from '../../voice/spoken-text'

/*
 * What 朗读 says on 安全自查: the appliances on record, then either the questions still to
 * answer or what the saved answers show: each risk and why it matters, what has reached its
 * service life, and the offer of an inspection.
 */

function dayText(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${y}年${Number(m)}月${Number(d)}日`
}

export function selfCheckSpeech(loggedIn: boolean, data: SelfCheck | undefined): string {
  if (!loggedIn) return '安全自查。请先登录并绑定户号。'
  if (!data) return '安全自查。正在加载。'
  const parts = ['安全自查。']
  if (data.appliances.length > 0) {
    parts.push(`您家登记的燃气设备有：${data.appliances.map((a) => a.label).join('、')}。`)
  }
  if (!data.answers) {
    parts.push('请回答下面几个问题：燃气报警器、软管')
    if (data.asks.stove) parts.push('、灶具熄火保护')
    if (data.asks.waterHeater) parts.push('、热水器排烟')
    parts.push('，然后点“保存自查结果”。')
    return speakShownText(parts.join(''))
  }
  if (data.risks.length === 0) parts.push('自查结果：没有发现明显隐患。')
  else {
    parts.push(`自查结果：发现${speakCount(data.risks.length)}处隐患。`)
    data.risks.forEach((r, i) => parts.push(`第${speakCount(i + 1)}，${r.title}。${r.why}`))
  }
  for (const s of data.serviceLife) {
    parts.push(
      s.due
        ? `${s.label}已到使用年限，请尽快更换。`
        : `${s.label}将在${dayText(s.dueOn)}到使用年限。`,
    )
  }
  if (data.suggestInspection) parts.push('可以点“预约上门安检”，请安检员上门帮您检查。')
  return speakShownText(parts.join(''))
}
