import type { Repair } from '@gh/shared'
import { repairStateSpeech, speakCount } from '../../repairs/speech'

/** 报修进度: the state and the next step first, then how far along the steps it is. */
export function detailSpeech(repair: Repair): string {
  const parts = ['报修进度。', repairStateSpeech(repair)]
  const done = repair.progress.filter((s) => s.done).length
  if (repair.progress.length > 0) {
    parts.push(`处理进度：共${speakCount(repair.progress.length)}步，已完成${speakCount(done)}步`)
    const reached = repair.progress.filter((s) => s.done).map((s) => s.label)
    parts.push(reached.length > 0 ? `：${reached.join('、')}。` : '。')
  }
  return parts.join('')
}
