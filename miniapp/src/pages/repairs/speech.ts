import { speakNumber } from '@gh/shared'

/* What 朗读 says on 报修. */

export interface RepairsFacts {
  loggedIn: boolean
  /** What the resident has typed or spoken into the fault description so far. */
  description: string
  reportCount: number
}

/** 报修 as it is now: what the page is for, the description so far, and the reports. */
export function repairsSpeech(facts: RepairsFacts): string {
  const parts = ['报修。燃气、暖气出了故障，可以在这里说说或写下哪里有问题。']
  const description = facts.description.trim()
  parts.push(description ? `您写的故障描述是：${description}。` : '故障描述还没有填写。')
  if (!facts.loggedIn) parts.push('登录后可以报修，并随时查看处理进度。')
  else if (facts.reportCount === 0) parts.push('暂无报修记录，报修后处理进度会显示在这里。')
  else {
    const n = facts.reportCount === 2 ? '两' : speakNumber(facts.reportCount)
    parts.push(`您有${n}条报修记录。`)
  }
  return parts.join('')
}
