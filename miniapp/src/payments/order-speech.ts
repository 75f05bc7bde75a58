import { speakDate } from '@gh/shared'
import type { TimelineStep } from '@gh/shared'

/*
 * Words for an order, shared by 订单详情, 缴费记录 and an order paid through a family card: what
 * it was for (shown and read), and its steps as 朗读 reads them.
 */

export const purposeNames = { recharge: '燃气充值', bill: '账单缴费' } as const

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
