import { speakAmountFen, speakDate, speakDigits } from '@gh/shared'
import { speakPhone } from '../../voice/spoken-text'

/*
 * What 朗读 says on the home page. Numbers go through the shared speech formatter so every TTS
 * engine reads them the same way: amounts as 元角分, account and phone numbers digit by digit,
 * dates in words.
 */

export interface HomeFacts {
  loggedIn: boolean
  servicePhone?: string
  accountNo?: string
  accountLabel?: string
  balanceFen?: number
  amountDueFen?: number
  asOf?: string
}

export function homeSpeech(facts: HomeFacts): string {
  const parts: string[] = ['燃气·供热掌上营业厅。']
  if (!facts.loggedIn) {
    parts.push('在这里可以交燃气费、交暖气费、查账单、报修。登录后可以查看您家的余额和账单。')
  } else {
    if (facts.accountNo) {
      const label = facts.accountLabel ? `${facts.accountLabel}，` : ''
      parts.push(`当前户号：${label}${speakDigits(facts.accountNo)}。`)
    }
    if (facts.amountDueFen !== undefined && facts.amountDueFen > 0) {
      parts.push(`您需要交费${speakAmountFen(facts.amountDueFen)}。`)
    } else if (facts.amountDueFen === 0) {
      parts.push('您目前没有欠费。')
    }
    if (facts.balanceFen !== undefined) parts.push(`账户余额${speakAmountFen(facts.balanceFen)}。`)
    if (facts.asOf && (facts.balanceFen !== undefined || facts.amountDueFen !== undefined)) {
      parts.push(`数据更新于${speakDate(facts.asOf)}。`)
    }
    if (!facts.accountNo && facts.balanceFen === undefined) parts.push('您还没有绑定户号。')
  }
  if (facts.servicePhone) parts.push(`客服电话：${speakPhone(facts.servicePhone)}。`)
  return parts.join('')
}
