import type { HelpAlert, HelpAlerts } from '@gh/shared'
import { speakDate } from '@gh/shared'

/** What 朗读 says on the 一键求助 page: the button, then the latest alert and who has it. */

export function alertSpeech(alert: HelpAlert): string {
  const reached = alert.reached
    .filter((r) => r.reachedAt !== null)
    .map((r) => r.label.replace(/\d{3}\*+(\d{4})/, '尾号$1'))
  const who = reached.length > 0 ? `已通知${reached.join('、')}。` : '正在发送。'
  const ack = alert.acknowledged ? `${alert.acknowledged.by}已确认。` : '还没有人确认。'
  return `${speakDate(alert.createdAt)}，${alert.kindLabel}。${who}${ack}`
}

export function helpSpeech(data: HelpAlerts | undefined): string {
  if (!data) return '一键求助。正在加载。'
  const button = data.settings.enabled
    ? '一键求助。按住红色按钮两秒，会通知您的家人和片区服务站。闻到燃气味，按住下面的按钮，还会拨打抢修电话。'
    : '一键求助还没有开启。打开下面的开关后，可以一键通知家人和服务站。'
  const latest = data.alerts[0]
  return `${button}${latest ? `最近一次求助：${alertSpeech(latest)}` : '还没有求助记录。'}`
}
