import type { BillLine, Posting } from '../../../contracts/billing'
import type { CustomerAccount } from '../../../contracts/customers'
import { dayOf, dayOfDate, dayStartMs, monthIndexOf, monthStartDay, ymdOf } from '../meters/days'
import type { MeterPlatform } from '../meters/platform'
import { accountRandom, usageBetween } from '../meters/usage'
import { monthlyRegisters } from '../meters/views'
import {
  compensationLine,
  gasLines,
  gasSummary,
  heatingLines,
  heatingSummary,
  meteredBasicLines,
  meteredLine,
  meteredSummary,
} from './bill-lines'
import { dueOf, payBill, type BillRecord } from './bill-record'
import { isHeatMetered, meteredBillDay, seasonHeatMj, type HeatMeterBook } from './heat-meter'
import { complaintState, type ComplaintRecord } from './heating-complaint-record'
import { onSharedRiser } from './heating-rules'
import { seedHeatingStop, seedPayments } from './seed-history'
import {
  HEATING_PRICE_FEN_PER_M2,
  METERED_PRICE_FEN_PER_GJ,
  areaTariff,
  currentSeason,
  heatingSeason,
  type AreaTariff,
  type HeatingSeason,
} from './tariffs'

export type { BillRecord }

/** What billing holds for one account, seeded on first use and extended as the clock moves. */
export interface BillingBook {
  readonly account: CustomerAccount
  readonly tariff: AreaTariff
  readonly heating: {
    readonly areaDm2: number
    /** Seasons (by start year) with 停暖; applications add and cancellations remove them. */
    readonly stoppedSeasons: Set<number>
    /** 恢复供暖 within a stopped season: the first day heated again, by season. */
    readonly resumedFrom: Map<number, number>
    /** 室温不达标 complaints, oldest first; each is credited on the next season's bill. */
    readonly complaints: ComplaintRecord[]
    /** Compensation a season's bill could not absorb, already kept as prepayment, by season. */
    readonly creditCarried: Map<number, number>
    /** 停暖 applied for before the sandbox started. */
    readonly seededStops: { readonly year: number; readonly appliedAtMs: number }[]
  } | null
  /** Oldest first. */
  readonly bills: BillRecord[]
  /** 预存: money paid beyond the bills, used by the next bills. */
  prepaymentFen: number
  /** Payments made before the sandbox started, one per settled bill, oldest first. */
  readonly seededPostings: Posting[]
  /** Month index (gas) or season year (heating) of the next bill to issue. */
  nextPeriod: number
}

const HOUR_MS = 3_600_000
const personaAreas: Record<string, number> = {
  '1000000004': 9_856,
  '1000000009': 7_630,
  '1000000012': 8_940,
}

export function createBillingBook(
  seed: number,
  account: CustomerAccount,
  meters: MeterPlatform,
): BillingBook {
  const { anchorDay } = meters
  const tariff = areaTariff(account.areaCode)
  if (!tariff) throw new Error(`no tariff for area ${account.areaCode}`)
  const random = accountRandom(seed, account.accountNo, 'billing')
  const isHeating = account.kind === 'heating'
  const season = currentSeason(anchorDay).year
  const heating = isHeating
    ? {
        areaDm2: personaAreas[account.accountNo] ?? random.int(45, 140) * 100 + random.int(0, 99),
        // The draw comes first so the rule does not move any later draw of the seed.
        stoppedSeasons: new Set(
          !account.accountNo.startsWith('10000000') &&
            random.chance(0.06) &&
            !onSharedRiser(account)
            ? [season]
            : [],
        ),
        resumedFrom: new Map<number, number>(),
        complaints: [],
        creditCarried: new Map<number, number>(),
        seededStops: [],
      }
    : null
  const firstPeriod = isHeating ? season - 2 : monthIndexOf(anchorDay) - 24
  const book: BillingBook = {
    account,
    tariff,
    heating,
    bills: [],
    prepaymentFen: 0,
    seededPostings: [],
    nextPeriod: firstPeriod,
  }
  if (heating?.stoppedSeasons.has(season)) seedHeatingStop(book, season)
  issueBills(book, meters, meters.clock.nowMs())
  seedPayments(book, random, anchorDay)
  return book
}

/** Issues every bill due by `nowMs`; prepayment pays new bills as they come. */
export function issueBills(book: BillingBook, meters: MeterPlatform, nowMs: number): void {
  let registers: Registers | undefined
  const meterRegisters = (meterNo: string): Registers => {
    registers ??= {
      meterNo,
      list: monthlyRegisters(meters.book(meterNo), nowMs),
      profile: meters.book(meterNo).profile,
    }
    return registers
  }
  for (;;) {
    const bill =
      book.heating === null
        ? gasBill(book, meterRegisters, book.nextPeriod, nowMs)
        : heatingBill(book, book.nextPeriod, nowMs)
    if (bill === 'not_yet') break
    book.nextPeriod += 1
    if (bill === 'none') continue
    book.bills.push(bill)
    usePrepayment(book, bill, bill.issuedAtMs)
  }
  if (book.heating && isHeatMetered(book.account.accountNo)) {
    issueMeteredBills(book, currentSeason(meters.anchorDay).year - 2, nowMs)
  }
}

/**
 * 热计量: each season's 计量热费 is billed the day after the season ends, on the heat the meter
 * counted; the 基本热价 came on the season bill of 1 October.
 */
function issueMeteredBills(book: BillingBook, firstSeason: number, nowMs: number): void {
  const opened = dayOfDate(...openedYmd(book.account))
  let issued = false
  for (let year = firstSeason; ; year++) {
    const season = heatingSeason(year)
    const issueDay = meteredBillDay(season)
    const issuedAtMs = dayStartMs(issueDay) + 9 * HOUR_MS
    if (issuedAtMs > nowMs) break
    const billId = `HM${book.account.accountNo}${year}`
    if (opened > season.startDay || book.bills.some((b) => b.billId === billId)) continue
    const heatMj = seasonHeatMj(heatMeterOf(book), season)
    if (heatMj === 0) continue
    const line = meteredLine(heatMj, METERED_PRICE_FEN_PER_GJ)
    const bill: BillRecord = {
      billId,
      accountNo: book.account.accountNo,
      kind: 'heating',
      fromDay: season.startDay,
      toDay: season.endDay,
      issuedAtMs,
      dueAtMs: dayStartMs(issueDay + 31) - 1000,
      chargeFen: line.amountFen,
      ...unpaid(),
      meter: null,
      lines: [line],
      summary: meteredSummary(season, heatMj),
    }
    book.bills.push(bill)
    usePrepayment(book, bill, issuedAtMs)
    issued = true
  }
  if (issued) book.bills.sort((a, b) => a.issuedAtMs - b.issuedAtMs)
}

interface Registers {
  readonly meterNo: string
  readonly list: readonly { day: number; registerDm3: number }[]
  readonly profile: ReturnType<MeterPlatform['book']>['profile']
}

function gasBill(
  book: BillingBook,
  meterRegisters: (meterNo: string) => Registers,
  month: number,
  nowMs: number,
): BillRecord | 'none' | 'not_yet' {
  const { account } = book
  const startDay = monthStartDay(month)
  const endDay = monthStartDay(month + 1)
  const issuedAtMs = dayStartMs(endDay + 2) + 9 * HOUR_MS
  if (issuedAtMs > nowMs || account.meterNo === null) return 'not_yet'
  const { list: registers, profile } = meterRegisters(account.meterNo)
  const from = registers.find((r) => r.day === startDay)
  const to = registers.find((r) => r.day === endDay)
  if (!from || !to || to.registerDm3 === from.registerDm3) return 'none'
  const jan1 = dayOfDate(ymdOf(startDay).year, 1, 1)
  const atJan1 = registers.find((r) => r.day === jan1)
  const first = registers[0]
  const ytdBefore = atJan1
    ? from.registerDm3 - atJan1.registerDm3
    : usageBetween(profile, jan1, first?.day ?? startDay) +
      from.registerDm3 -
      (first?.registerDm3 ?? 0)
  const volume = to.registerDm3 - from.registerDm3
  const { lines, totalFen } = gasLines(book.tariff.gas, ytdBefore, volume)
  const { year, month: m } = ymdOf(startDay)
  return {
    billId: `G${account.accountNo}${year}${String(m).padStart(2, '0')}`,
    accountNo: account.accountNo,
    kind: 'gas',
    fromDay: startDay,
    toDay: endDay - 1,
    issuedAtMs,
    dueAtMs: dayStartMs(monthStartDay(month + 2)) - 1000,
    chargeFen: totalFen,
    ...unpaid(),
    meter: {
      meterNo: account.meterNo,
      readingFromDm3: from.registerDm3,
      readingToDm3: to.registerDm3,
      volumeDm3: volume,
      yearToDateBeforeDm3: ytdBefore,
    },
    lines,
    summary: gasSummary(book.tariff.gas, startDay, ytdBefore, volume, lines),
  }
}

function heatingBill(
  book: BillingBook,
  year: number,
  nowMs: number,
): BillRecord | 'none' | 'not_yet' {
  const heating = book.heating
  const season = heatingSeason(year)
  const issuedAtMs = heatingBillIssuedAtMs(year)
  if (heating === null || issuedAtMs > nowMs) return 'not_yet'
  if (dayOfDate(...openedYmd(book.account)) > season.startDay) return 'none'
  return {
    billId: heatingBillId(book.account.accountNo, year),
    accountNo: book.account.accountNo,
    kind: 'heating',
    fromDay: season.startDay,
    toDay: season.endDay,
    issuedAtMs,
    dueAtMs: dayStartMs(season.dueDay + 1) - 1000,
    ...heatingCharges(book, year),
    ...unpaid(),
    meter: null,
  }
}

export function heatingBillId(accountNo: string, year: number): string {
  return `H${accountNo}${year}`
}

/** A season's heating bill is issued at 09:00 on its issue day. */
export function heatingBillIssuedAtMs(year: number): number {
  return dayStartMs(heatingSeason(year).issueDay) + 9 * HOUR_MS
}

/** The heat meter of a 热计量 home: no heat flows on days it has 停暖. */
export function heatMeterOf(book: BillingBook): HeatMeterBook {
  const heating = book.heating
  return {
    accountNo: book.account.accountNo,
    areaDm2: heating?.areaDm2 ?? 0,
    heated: (season, day) => {
      if (!heating) return false
      if (!heating.stoppedSeasons.has(season.year)) return true
      const from = heating.resumedFrom.get(season.year)
      return from !== undefined && day >= from
    },
  }
}

/** Days of the season the home is heated: all, none (停暖), or from 恢复供暖 on. */
export function heatedDaysOf(
  heating: NonNullable<BillingBook['heating']>,
  season: HeatingSeason,
): number {
  if (!heating.stoppedSeasons.has(season.year)) return season.days
  const from = heating.resumedFrom.get(season.year)
  if (from === undefined) return 0
  return Math.max(0, season.endDay - Math.max(from, season.startDay) + 1)
}

function heatingCharges(book: BillingBook, year: number) {
  const heating = book.heating
  if (!heating) throw new Error('heating charges of an account without heating')
  const season = heatingSeason(year)
  const stopped = heating.stoppedSeasons.has(year)
  const { lines, totalFen } = isHeatMetered(book.account.accountNo)
    ? meteredBasicLines(heating.areaDm2, HEATING_PRICE_FEN_PER_M2, season)
    : heatingLines(heating.areaDm2, HEATING_PRICE_FEN_PER_M2, season, heatedDaysOf(heating, season))
  const credits = creditCompensation(book, year, totalFen)
  const resumed = heating.resumedFrom.get(year)
  return {
    chargeFen: totalFen + credits.totalFen,
    lines: [...lines, ...credits.lines],
    summary: heatingSummary(season, heating.areaDm2, {
      stopped,
      resumedFrom: stopped ? (resumed ?? null) : null,
      creditedFen: -credits.totalFen,
    }),
  }
}

/**
 * Credits last season's 室温不达标 compensation on the season's bill, as lines that take the
 * amount off. What the charges cannot absorb is kept as prepayment once (recorded per season),
 * so charging the bill again after 停暖 changes never credits the same money twice.
 */
function creditCompensation(book: BillingBook, year: number, chargesFen: number) {
  const heating = book.heating
  const lines: BillLine[] = []
  if (!heating) return { lines, totalFen: 0 }
  const issuedAtMs = heatingBillIssuedAtMs(year)
  let carried = heating.creditCarried.get(year) ?? 0
  let room = chargesFen
  let totalFen = 0
  for (const complaint of heating.complaints) {
    if (complaint.seasonYear !== year - 1) continue
    const { compensation } = complaintState(complaint, heating.areaDm2, issuedAtMs)
    if (!compensation || compensation.amountFen === 0) continue
    const alreadyKept = Math.min(carried, compensation.amountFen)
    carried -= alreadyKept
    const onBill = Math.min(compensation.amountFen - alreadyKept, room)
    const kept = compensation.amountFen - alreadyKept - onBill
    room -= onBill
    totalFen -= onBill
    if (kept > 0) {
      book.prepaymentFen += kept
      heating.creditCarried.set(year, (heating.creditCarried.get(year) ?? 0) + kept)
    }
    lines.push(
      compensationLine(complaint, heating.areaDm2, compensation, -onBill, alreadyKept + kept),
    )
  }
  return { lines, totalFen }
}

function unpaid() {
  return { chargePaidFen: 0, chargeChanges: [], lateFeePaidFen: 0, paidAtMs: null }
}

/** Prepayment (预存) pays toward a bill as soon as there is something to pay. */
function usePrepayment(book: BillingBook, bill: BillRecord, atMs: number): void {
  if (book.prepaymentFen <= 0) return
  const used = payBill(bill, book.prepaymentFen, atMs)
  book.prepaymentFen -= used.amountFen
}

/**
 * Charges a season's bill again after 停暖 was applied for or withdrawn. Money paid beyond the
 * new charges is kept as prepayment; a higher charge takes prepayment first.
 */
export function rerateHeatingBill(book: BillingBook, year: number, nowMs: number): void {
  const bill = book.bills.find((b) => b.billId === heatingBillId(book.account.accountNo, year))
  if (!bill || !book.heating) return
  Object.assign(bill, heatingCharges(book, year))
  const excess = Math.max(0, bill.chargePaidFen - bill.chargeFen)
  bill.chargePaidFen -= excess
  book.prepaymentFen += excess
  // Re-rating happens only in the application window, before the due date, when the day of
  // each payment cannot matter yet: one change keeps the history within the new charges.
  const paid = bill.chargePaidFen
  bill.chargeChanges.splice(0, Infinity, ...(paid > 0 ? [{ day: dayOf(nowMs), fen: paid }] : []))
  const settled = dueOf(bill, dayOf(nowMs)).totalFen === 0
  bill.paidAtMs = settled ? (bill.paidAtMs ?? nowMs) : null
  if (!settled) usePrepayment(book, bill, nowMs)
}

function openedYmd(account: CustomerAccount): [number, number, number] {
  const [y, m, d] = account.openedAt.slice(0, 10).split('-').map(Number)
  return [y ?? 2000, m ?? 1, d ?? 1]
}
