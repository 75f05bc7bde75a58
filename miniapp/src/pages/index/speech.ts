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
  /** Already in words, e.g. '二零二六年十月燃气费' (see `billFacts`). */
  period: string
  amountFen: number
  paid: boolean
  dueDate?: string
  /** What is still owed on a partly paid bill. */
  outstandingFen?: number
  overdue?: boolean
  lateFeeFen?: number
  /** Its details in words ('明细：第一阶梯，…。'), read right after it; see `billFacts`. */
  details?: string
}

export interface BillsSpeechFacts {
  loggedIn: boolean
  bills: readonly BillFacts[]
  /** What 立即缴费 pays now; with it, the owed amount is read first. */
  owedFen?: number
  /** 滞纳金 inside `owedFen`. */
  lateFeeFen?: number
}

/** Paid bills read after every unpaid one; older paid bills are only counted unless open. */
const PAID_BILLS_READ = 3

function billSentence(b: BillFacts): string {
  const head = `${b.period}，${speakAmountFen(b.amountFen)}`
  if (b.paid) return `${head}，已交清。${b.details ?? ''}`
  const partly =
    b.outstandingFen !== undefined && b.outstandingFen < b.amountFen
      ? `，已交一部分，还差${speakAmountFen(b.outstandingFen)}`
      : '，未交'
  const fee = b.lateFeeFen ? `，含滞纳金${speakAmountFen(b.lateFeeFen)}` : ''
  const due = b.overdue
    ? '，已逾期，请尽快交费'
    : b.dueDate
      ? `，请在${speakDate(b.dueDate)}前交费`
      : ''
  return `${head}${fee}${partly}${due}。${b.details ?? ''}`
}

export function billsSpeech(facts: BillsSpeechFacts): string {
  if (!facts.loggedIn) return '账单。登录并绑定户号后，可以查看账单和缴费记录。'
  const owed =
    facts.owedFen === undefined
      ? ''
      : facts.owedFen > 0
        ? `应缴金额${speakAmountFen(facts.owedFen)}` +
          `${facts.lateFeeFen ? `，其中滞纳金${speakAmountFen(facts.lateFeeFen)}` : ''}。`
        : '目前没有待缴费用。'
  if (facts.bills.length === 0) return `账单。${owed}暂无账单，绑定户号后，账单会显示在这里。`
  const unpaid = facts.bills.filter((b) => !b.paid)
  const paid = facts.bills.filter((b) => b.paid)
  // An older paid bill the resident opened is read too: its details are on screen.
  const paidRead = paid.filter((b, i) => i < PAID_BILLS_READ || b.details)
  const read = [...unpaid, ...paidRead]
  const older = paid.length - paidRead.length
  const summary =
    unpaid.length === 0
      ? '全部已交清。'
      : `共有${unpaid.length === 2 ? '两' : speakNumber(unpaid.length)}张账单未交。`
  const rest = older > 0 ? `更早的${older === 2 ? '两' : speakNumber(older)}张账单都已交清。` : ''
  return `账单。${owed}${summary}${read.map(billSentence).join('')}${rest}`
}

export function meSpeech(facts: { loggedIn: boolean; elder: boolean; servicePhone?: string }) {
  const parts = ['我的。']
  parts.push(facts.loggedIn ? '您已登录，可以管理户号和亲情账户。' : '您还没有登录。')
  parts.push(facts.elder ? '长辈模式已开启。' : '长辈模式未开启，可以在设置中打开。')
  if (facts.servicePhone) parts.push(`客服电话：${speakPhone(facts.servicePhone)}。`)
  return parts.join('')
}
