import type { Repair } from '@gh/shared'
import { repairStateSpeech, speakCount } from '../../repairs/speech'

/** 我的报修: how many, how many still open, then the newest report's state and next step. */
export function listSpeech(repairs: readonly Repair[] | undefined): string {
  if (repairs === undefined) return '我的报修。正在加载。'
  if (repairs.length === 0) return '我的报修。还没有报修记录。需要报修时，请到报修页选择故障类型。'
  const open = repairs.filter((r) => r.state !== 'resolved' && r.state !== 'rated').length
  const parts = [`我的报修。共${speakCount(repairs.length)}条`]
  parts.push(open > 0 ? `，其中${speakCount(open)}条正在处理。` : '，都已处理完。')
  const [latest] = repairs
  if (latest) parts.push(`最近一条：${repairStateSpeech(latest)}`)
  parts.push('点一条记录，可以查看处理进度。')
  return parts.join('')
}
