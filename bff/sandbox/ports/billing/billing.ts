import type { AccountSummary, Bill } from '../../../contracts/billing'
import type { CustomerAccount } from '../../../contracts/customers'
import { toShanghaiIso, type SandboxClock } from '../../clock'
import { SandboxError } from '../../middleware/errors'
import type { AccountDirectory } from '../customers/directory'
import { dayOf, isoDate } from '../meters/days'
import type { MeterPlatform } from '../meters/platform'
import { meterView } from '../meters/views'
import { dueOf, lateFeeLine, type BillRecord } from './bill-record'
import {
  createBillingBook,
  heatMeterOf,
  issueBills,
  rerateHeatingBill,
  type BillingBook,
} from './book'
import { heatMetering, isHeatMetered } from './heat-meter'
import { HeatingComplaintDesk } from './heating-complaints'
import { HeatingStopDesk } from './heating-stops'
import { PostingStore } from './postings'
import { HEATING_PRICE_FEN_PER_M2, currentSeason } from './tariffs'

const prepaidKinds = new Set<CustomerAccount['kind']>(['iot_prepaid', 'ic_prepaid'])

export function isPrepaid(account: CustomerAccount): boolean {
  return prepaidKinds.has(account.kind)
}

/** Unpaid bills in the order money settles them: overdue first, then oldest first. */
export function settlementOrder(bills: readonly BillRecord[], nowMs: number): BillRecord[] {
  const overdue = (b: BillRecord): number => (b.dueAtMs < nowMs ? 0 : 1)
  const today = dayOf(nowMs)
  return bills
    .filter((b) => dueOf(b, today).totalFen > 0)
    .sort((a, b) => overdue(a) - overdue(b) || a.issuedAtMs - b.issuedAtMs)
}

/**
 * The billing system: one book per billed account, seeded on first use, plus the postings made
 * through the API. Prepaid accounts have no bills; their balance lives in the meter.
 */
export class Billing {
  private readonly books = new Map<string, BillingBook>()
  readonly postings: PostingStore
  readonly heatingStops: HeatingStopDesk
  readonly heatingComplaints: HeatingComplaintDesk

  constructor(
    private readonly seed: number,
    readonly directory: AccountDirectory,
    readonly meters: MeterPlatform,
    readonly clock: SandboxClock,
  ) {
    this.postings = new PostingStore(this)
    this.heatingStops = new HeatingStopDesk(this)
    this.heatingComplaints = new HeatingComplaintDesk(this)
  }

  account(accountNo: string): CustomerAccount {
    const account = this.directory.get(accountNo)
    if (!account) throw new SandboxError(404, 'ACCOUNT_NOT_FOUND', '户号不存在')
    return account
  }

  /** The account's book with every bill issued by now; undefined for prepaid accounts. */
  book(account: CustomerAccount): BillingBook | undefined {
    if (isPrepaid(account)) return undefined
    let book = this.books.get(account.accountNo)
    if (!book) {
      book = createBillingBook(this.seed, account, this.meters)
      this.books.set(account.accountNo, book)
      this.postings.adopt(book.seededPostings)
    }
    issueBills(book, this.meters, this.clock.nowMs())
    return book
  }

  /** Charges a season's heating bill again after 停暖 changed. */
  rerate(book: BillingBook, seasonYear: number): void {
    rerateHeatingBill(book, seasonYear, this.clock.nowMs())
  }

  bills(account: CustomerAccount): readonly BillRecord[] {
    return this.book(account)?.bills ?? []
  }

  summary(account: CustomerAccount): AccountSummary {
    const now = this.meters.settle()
    const book = this.book(account)
    const unpaid = settlementOrder(book?.bills ?? [], now)
    const overdue = unpaid.filter((b) => b.dueAtMs < now)
    const today = dayOf(now)
    const outstanding = (bills: readonly BillRecord[]): number =>
      bills.reduce((sum, b) => sum + dueOf(b, today).totalFen, 0)
    let balanceFen: number | null = book?.prepaymentFen ?? null
    if (isPrepaid(account) && account.meterNo !== null) {
      balanceFen = meterView(this.meters.book(account.meterNo), now).balanceFen
    }
    return {
      accountNo: account.accountNo,
      kind: account.kind,
      status: account.status,
      asOf: toShanghaiIso(now),
      balanceFen,
      amountDueFen: outstanding(unpaid),
      arrearsFen: outstanding(overdue),
      lateFeeFen: overdue.reduce((sum, b) => sum + dueOf(b, today).lateFeeFen, 0),
      unpaidBillCount: unpaid.length,
      overdueBillCount: overdue.length,
      lastPayment: this.postings.lastPayment(account.accountNo) ?? null,
      heating: book ? heatingState(book, now) : null,
    }
  }
}

function heatingState(book: BillingBook, nowMs: number): AccountSummary['heating'] {
  if (!book.heating) return null
  const season = currentSeason(dayOf(nowMs))
  const bill = book.bills.find((b) => b.billId === `H${book.account.accountNo}${season.year}`)
  const resumed = book.heating.resumedFrom.get(season.year)
  const stopped = book.heating.stoppedSeasons.has(season.year)
  const heatedFrom = stopped && resumed !== undefined ? resumed : null
  return {
    areaDm2: book.heating.areaDm2,
    priceFenPerM2: HEATING_PRICE_FEN_PER_M2,
    season: { startsOn: isoDate(season.startDay), endsOn: isoDate(season.endDay) },
    supply: stopped && (heatedFrom === null || dayOf(nowMs) < heatedFrom) ? 'stopped' : 'supplied',
    seasonFeeFen: bill?.chargeFen ?? 0,
    metering: isHeatMetered(book.account.accountNo)
      ? heatMetering(heatMeterOf(book), dayOf(nowMs))
      : null,
  }
}

export function billView(bill: BillRecord, nowMs: number): Bill {
  const lateFee = lateFeeLine(bill, dayOf(nowMs))
  const lateFeeFen = lateFee?.amountFen ?? 0
  const amountFen = bill.chargeFen + lateFeeFen
  const paidFen = bill.chargePaidFen + bill.lateFeePaidFen
  const outstandingFen = amountFen - paidFen
  return {
    billId: bill.billId,
    accountNo: bill.accountNo,
    kind: bill.kind,
    period: { from: isoDate(bill.fromDay), to: isoDate(bill.toDay) },
    issuedAt: toShanghaiIso(bill.issuedAtMs),
    dueAt: toShanghaiIso(bill.dueAtMs),
    amountFen,
    lateFeeFen,
    paidFen,
    outstandingFen,
    status: outstandingFen === 0 ? 'paid' : paidFen === 0 ? 'unpaid' : 'partially_paid',
    overdue: outstandingFen > 0 && bill.dueAtMs < nowMs,
    paidAt: outstandingFen === 0 && bill.paidAtMs !== null ? toShanghaiIso(bill.paidAtMs) : null,
    meter: bill.meter ? { ...bill.meter } : null,
    lines: [...bill.lines.map((l) => ({ ...l })), ...(lateFee ? [lateFee] : [])],
    summary: lateFee ? `${bill.summary}${lateFee.explanation}。` : bill.summary,
  }
}
