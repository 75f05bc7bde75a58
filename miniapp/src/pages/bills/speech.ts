import { speakAmountFen, speakDate, speakDigits, speakNumber } from '@gh/shared'
import type { Bill } from '@gh/shared'
import { billDetailsSpeech } from './line-speech'

/*
 * What 朗读 says on 账单: what is owed now, then each bill, amounts as 元角分 and dates in words
 * (the shared speech formatter), so every TTS engine reads them the same way.
 */

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

/** '2026-10-01' gas → '二零二六年十月燃气费'; heating → '二零二六至二零二七年采暖季供暖费'. */
export function spokenBillTitle(bill: Pick<Bill, 'kind' | 'period'>): string {
  const [year = '', month = ''] = bill.period.from.split('-')
  if (bill.kind === 'heating') {
    return `${speakDigits(year)}至${speakDigits(bill.period.to.slice(0, 4))}年采暖季供暖费`
  }
  return `${speakDigits(year)}年${speakNumber(Number(month))}月燃气费`
}

/**
 * What 朗读 needs of a bill, with its period already in words. `explain`: read its details too
 * (gas used, each line), as the bill shows them when it is open.
 */
export function billFacts(bill: Bill, explain = false): BillFacts {
  const details = explain ? billDetailsSpeech(bill) : ''
  return {
    ...(details ? { details } : {}),
    period: spokenBillTitle(bill),
    amountFen: bill.amountFen,
    paid: bill.status === 'paid',
    dueDate: bill.dueAt.slice(0, 10),
    outstandingFen: bill.outstandingFen,
    overdue: bill.overdue,
    lateFeeFen: bill.lateFeeFen,
  }
}
