import { speakAmountFen, speakDate, speakDigits, speakNumber } from '@gh/shared'
import type { PaymentOrder } from '@gh/shared'
import { purposeNames, timelineSpeech } from '../../payments'

/*
 * What 朗读 says on 订单详情 and 缴费记录. Amounts, account numbers and times go through the
 * shared speech formatter, like the other pages' scripts.
 */

// BFF hints are Chinese sentences; one with digits in it would be guessed at by the TTS engine.
const speakable = (text: string | null): text is string => !!text && !/\d/.test(text)

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
