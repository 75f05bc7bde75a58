import type { Posting } from '../../../contracts/billing'
import { toShanghaiIso } from '../../clock'
import type { Random } from '../../random'
import { DAY_MS, dayStartMs } from '../meters/days'
import { payBill, type BillRecord } from './bill-record'
import type { BillingBook } from './book'
import { heatingStopWindow, heatingSeason } from './tariffs'

const HOUR_MS = 3_600_000
const MINUTE_MS = 60_000
const channels = ['wechatpay', 'alipay', 'bank', 'counter'] as const

/**
 * Who paid what before the sandbox started: households in arrears left their latest bills
 * unpaid (at least two, so one is overdue); the others paid each bill some days after it came,
 * except, for some, the bill not due yet. Personas leave bills not due yet for the demo to pay.
 * Every settled bill gets the posting billing made for it, so history reads like a real ledger.
 */
export function seedPayments(book: BillingBook, random: Random, anchorDay: number): void {
  const anchorMs = dayStartMs(anchorDay)
  const persona = book.account.accountNo.startsWith('10000000')
  const unpaidTail = book.account.status === 'arrears' ? (persona ? 3 : random.int(2, 4)) : 0
  book.bills.forEach((bill, i) => {
    const inArrears = i >= book.bills.length - unpaidTail
    const latePayer = !persona && random.chance(0.45)
    const paidAtMs = bill.issuedAtMs + random.int(1, 20) * DAY_MS + random.int(0, 10) * HOUR_MS
    const channel = random.pick(channels)
    const notDueYet = bill.dueAtMs >= anchorMs
    if (inArrears || paidAtMs >= anchorMs || (notDueYet && (persona || latePayer))) return
    const amountFen = bill.chargeFen - bill.chargePaidFen
    if (amountFen === 0) return
    const at = Math.min(paidAtMs, bill.dueAtMs)
    const paid = payBill(bill, amountFen, at)
    book.seededPostings.push(historyPosting(bill, channel, at, paid))
  })
}

/**
 * The posting of a payment made before the sandbox started. Online payments reach billing a
 * minute after the payer paid (the channel's notification); counter payments at once.
 */
function historyPosting(
  bill: BillRecord,
  channel: Posting['channel'],
  paidAtMs: number,
  paid: { amountFen: number; lateFeeFen: number },
): Posting {
  const postedAtMs = channel === 'counter' ? paidAtMs : paidAtMs + MINUTE_MS
  return {
    postingId: `PH${bill.billId}`,
    paymentId: `HIST${bill.billId}`,
    accountNo: bill.accountNo,
    kind: 'bill_payment',
    amountFen: paid.amountFen,
    channel,
    paidAt: toShanghaiIso(paidAtMs),
    postedAt: toShanghaiIso(postedAtMs),
    allocations: [{ billId: bill.billId, amountFen: paid.amountFen, lateFeeFen: paid.lateFeeFen }],
    unallocatedFen: 0,
  }
}

/**
 * A generated household that stopped heating this season applied at the counter during the
 * window; the day is spread over the window by account number, so no random draw moves.
 */
export function seedHeatingStop(book: BillingBook, year: number): void {
  if (!book.heating) return
  const window = heatingStopWindow(heatingSeason(year).issueDay)
  const span = window.closesDay - window.opensDay + 1
  const day = window.opensDay + (Number(book.account.accountNo) % span)
  book.heating.seededStops.push({ year, appliedAtMs: dayStartMs(day) + 10 * HOUR_MS })
}
