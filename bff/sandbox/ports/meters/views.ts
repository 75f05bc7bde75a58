import type { Credit, IcPurchase, Meter, Reading } from '../../../contracts/meters'
import { toShanghaiIso } from '../../clock'
import type { MeterBook } from './book'
import { dayStartMs, monthIndexOf, monthStartDay } from './days'
import type { CreditRecord, PurchaseRecord } from './platform'
import { simulate } from './sim'
import { historyStartMonth, registerAt, usageBetween } from './usage'

const iso = (ms: number): string => toShanghaiIso(ms)

/** Registers on the 1st of each month: seeded history up to the anchor, replayed after it. */
export function monthlyRegisters(
  book: MeterBook,
  nowMs: number,
): { day: number; registerDm3: number }[] {
  const { profile, anchorDay } = book
  const first = historyStartMonth(profile, anchorDay)
  const last = monthIndexOf(anchorDay)
  const out: { day: number; registerDm3: number }[] = []
  let day = monthStartDay(first)
  let register = registerAt(profile, anchorDay, day)
  out.push({ day, registerDm3: register })
  for (let month = first + 1; month <= last; month++) {
    const next = monthStartDay(month)
    register += usageBetween(profile, day, next)
    day = next
    out.push({ day, registerDm3: register })
  }
  const replayed = simulate(book, nowMs).monthStarts
  return [...out, ...replayed].filter((r) => dayStartMs(r.day) <= nowMs)
}

const sourceOf: Record<MeterBook['type'], Reading['source']> = {
  iot: 'remote',
  ic: 'card',
  mechanical: 'manual',
}

/** Monthly readings with the volume since the previous one; the first register is the base. */
export function readingsView(book: MeterBook, nowMs: number): Reading[] {
  const registers = monthlyRegisters(book, nowMs)
  const readings: Reading[] = []
  for (let i = 1; i < registers.length; i++) {
    const previous = registers[i - 1]
    const current = registers[i]
    if (!previous || !current) continue
    readings.push({
      readAt: iso(dayStartMs(current.day)),
      readingDm3: current.registerDm3,
      usageDm3: current.registerDm3 - previous.registerDm3,
      source: sourceOf[book.type],
    })
  }
  return readings
}

/**
 * The meter as the platform last heard from it: an IoT meter uploads daily while online; an IC
 * meter reports when a card is inserted (a purchase written) and at the monthly reading; a
 * mechanical meter only at the monthly reading.
 */
export function meterView(book: MeterBook, nowMs: number): Meter {
  let contactMs = book.offlineSinceMs ?? nowMs
  let monthlyRegister: number | undefined
  if (book.type !== 'iot') {
    const lastMonth = monthlyRegisters(book, nowMs).at(-1)
    contactMs = lastMonth ? dayStartMs(lastMonth.day) : nowMs
    monthlyRegister = lastMonth?.registerDm3
    const lastWrite = book.deposits.at(-1)?.atMs
    if (
      book.type === 'ic' &&
      lastWrite !== undefined &&
      lastWrite <= nowMs &&
      lastWrite > contactMs
    ) {
      contactMs = lastWrite
      monthlyRegister = undefined
    }
  }
  const at = simulate(book, contactMs)
  return {
    meterNo: book.meterNo,
    accountNo: book.account.accountNo,
    type: book.type,
    model: book.model,
    online: book.type === 'iot' ? book.online : null,
    balanceFen: book.type === 'mechanical' ? null : at.balanceFen,
    valve: at.valveOpen ? 'open' : 'closed',
    readingDm3: monthlyRegister ?? at.registerDm3,
    lastReadingAt: iso(book.type === 'iot' ? Math.min(at.dayStartMs, contactMs) : contactMs),
  }
}

export function creditView(credit: CreditRecord): Credit {
  return {
    creditId: credit.creditId,
    meterNo: credit.meterNo,
    accountNo: credit.accountNo,
    amountFen: credit.amountFen,
    status: credit.appliedAtMs === null ? 'pending' : 'applied',
    queued: credit.appliedAtMs === null && credit.dueAtMs === null,
    acceptedAt: iso(credit.acceptedAtMs),
    appliedAt: credit.appliedAtMs === null ? null : iso(credit.appliedAtMs),
  }
}

export function purchaseView(purchase: PurchaseRecord): IcPurchase {
  return {
    purchaseId: purchase.purchaseId,
    meterNo: purchase.meterNo,
    accountNo: purchase.accountNo,
    amountFen: purchase.amountFen,
    status: purchase.writtenAtMs === null ? 'awaiting_card_write' : 'written',
    purchasedAt: iso(purchase.purchasedAtMs),
    writtenAt: purchase.writtenAtMs === null ? null : iso(purchase.writtenAtMs),
    write: purchase.write,
  }
}
