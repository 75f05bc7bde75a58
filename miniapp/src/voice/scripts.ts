import { speakAmountFen, speakDate, speakDigits, speakNumber } from '@gh/shared'

/*
 * What each page's 朗读 button says. Numbers go through the shared speech formatter so every
 * TTS engine reads them the same way: amounts as 元角分, account and phone numbers digit by
 * digit, dates in words.
 */

/** '0531-96777' → '零五三一，九六七七七'; anything that is not a digit or separator is dropped. */
export function speakPhone(phone: string): string {
  return phone
    .split(/[^0-9]+/)
    .filter(Boolean)
    .map(speakDigits)
    .join('，')
}

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

export interface BillFacts {
  period: string
  amountFen: number
  paid: boolean
  dueDate?: string
}

export function billsSpeech(facts: { loggedIn: boolean; bills: readonly BillFacts[] }): string {
  if (!facts.loggedIn) return '账单。登录并绑定户号后，可以查看账单和缴费记录。'
  if (facts.bills.length === 0) return '账单。暂无账单，绑定户号后，账单会显示在这里。'
  const unpaid = facts.bills.filter((b) => !b.paid)
  const lines = facts.bills.map((b) => {
    const due = !b.paid && b.dueDate ? `，请在${speakDate(b.dueDate)}前交费` : ''
    return `${b.period}，${speakAmountFen(b.amountFen)}，${b.paid ? '已交清' : '未交'}${due}。`
  })
  const summary =
    unpaid.length === 0
      ? '全部已交清。'
      : `共有${unpaid.length === 2 ? '两' : speakNumber(unpaid.length)}张账单未交。`
  return `账单。${summary}${lines.join('')}`
}

export function meSpeech(facts: { loggedIn: boolean; elder: boolean; servicePhone?: string }) {
  const parts = ['我的。']
  parts.push(facts.loggedIn ? '您已登录，可以管理户号和亲情账户。' : '您还没有登录。')
  parts.push(facts.elder ? '长辈模式已开启。' : '长辈模式未开启，可以在设置中打开。')
  if (facts.servicePhone) parts.push(`客服电话：${speakPhone(facts.servicePhone)}。`)
  return parts.join('')
}
