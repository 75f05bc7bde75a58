import { speakAmountFen, speakDate, speakDigits } from '@gh/shared'
import type { PayShare, SharedOrder } from '@gh/shared'
import { purposeNames, timelineSpeech } from '../../../payments'
import { visibleDigits } from './share-rules'

/*
 * What 朗读 says on the card's page. The payer only knows the account's last digits, so only
 * those are read ("户号尾号零零一"), never the asterisks.
 */

const accountWords = (masked: string) => `户号尾号${speakDigits(visibleDigits(masked))}`

/** '家人请您代缴。燃气充值，一百元。户号尾号零零一。…' */
export function shareSpeech(share: PayShare): string {
  const parts = [`家人请您代缴。${share.what}`]
  parts.push(
    share.amountFen !== null ? `，${speakAmountFen(share.amountFen)}。` : '，金额由您选择。',
  )
  parts.push(`${accountWords(share.accountNoMasked)}。`)
  if (share.refusal) parts.push(`暂时不能代缴：${share.refusal.replace(/[。.]$/, '')}。`)
  else parts.push(`链接在${speakDate(share.expiresAt)}前有效。`)
  return parts.join('')
}

/** The order paid through the card: what, how much, where the money is now, every step. */
export function sharedOrderSpeech(order: SharedOrder): string {
  const parts = [
    `代缴订单。${purposeNames[order.purpose]}${speakAmountFen(order.amountFen)}。`,
    `${accountWords(order.accountNoMasked)}。`,
    `当前状态：${order.stateLabel}。`,
  ]
  const steps = timelineSpeech(order.timeline)
  if (steps) parts.push(`到账进度：${steps}`)
  return parts.join('')
}
