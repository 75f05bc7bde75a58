import { speakAmountFen, speakDate, speakDigits, speakNumber } from '@gh/shared'
import type { PaymentOrder, TimelineStep } from '@gh/shared'

/*
 * What 朗读 says on 订单详情, 缴费记录 and 报修. Amounts, account numbers and times go through the
 * shared speech formatter, like the other pages' scripts.
 */

export const purposeNames = { recharge: '燃气充值', bill: '账单缴费' } as const

// BFF hints are Chinese sentences; one with digits in it would be guessed at by the TTS engine.
const speakable = (text: string | null): text is string => !!text && !/\d/.test(text)

/**
 * '已下单，二零二六年十一月二十六日 下午三点零七分；已支付，下午三点零八分；气表已到账，等待中。'
 * A date is read once: a later step on the same day reads only its time.
 */
export function timelineSpeech(steps: readonly TimelineStep[]): string {
  const next = steps.findIndex((s) => !s.done)
  let lastDay = ''
  const parts = steps.map((step, i) => {
    if (!step.at) return `${step.label}，${i === next ? '等待中' : '还没开始'}`
    // speakDate reads '<date> <time>'; the date words are left out when they repeat.
    const [day = '', time = ''] = speakDate(step.at).split(' ')
    const when = day === lastDay ? time : `${day} ${time}`.trim()
    lastDay = day
    return `${step.label}，${when}`
  })
  return parts.length ? `${parts.join('；')}。` : ''
}

/** 订单详情: what it was for, how much, which account, where the money is now, every step. */
export function orderSpeech(order: PaymentOrder): string {
  const parts = [
    `订单详情。${purposeNames[order.purpose]}${speakAmountFen(order.amountFen)}。`,
    `户号：${speakDigits(order.accountNo)}。`,
  ]
  if (order.toArrearsFen > 0) parts.push(`其中抵扣欠费${speakAmountFen(order.toArrearsFen)}。`)
  parts.push(`当前状态：${order.stateLabel}。`)
  if (speakable(order.hint)) parts.push(`${order.hint.replace(/[。.]$/, '')}。`)
  const steps = timelineSpeech(order.timeline)
  if (steps) parts.push(`到账进度：${steps}`)
  return parts.join('')
}

/** 缴费记录: how many, and the newest order (the list comes newest first). */
export function ordersSpeech(accountNo: string, orders: readonly PaymentOrder[]): string {
  const head = `缴费记录。户号：${speakDigits(accountNo)}。`
  const latest = orders[0]
  if (!latest) return `${head}还没有缴费记录。`
  const count = orders.length === 2 ? '两' : speakNumber(orders.length)
  return (
    `${head}共${count}笔。最近一笔：${purposeNames[latest.purpose]}` +
    `${speakAmountFen(latest.amountFen)}，${latest.stateLabel}，` +
    `下单时间${speakDate(latest.createdAt)}。点一笔记录可以查看到账进度。`
  )
}

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
