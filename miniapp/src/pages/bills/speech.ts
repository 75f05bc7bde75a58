import { speakDigits, speakNumber } from '@gh/shared'
import type { Bill } from '@gh/shared'
import { billDetailsSpeech } from './bill-lines'
import type { BillFacts } from './scripts'

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
