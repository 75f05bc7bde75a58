import type { BillLine, LastPayment } from '../../../contracts/billing'
import type { CustomerAccount } from '../../../contracts/customers'
import { DAY_MS, dayOfDate, dayStartMs, monthIndexOf, monthStartDay, ymdOf } from '../meters/days'
import type { MeterPlatform } from '../meters/platform'
import { accountRandom, usageBetween } from '../meters/usage'
import { monthlyRegisters } from '../meters/views'
import { toShanghaiIso } from '../../clock'
import type { Random } from '../../random'
import { gasLines, gasSummary, heatingLines, heatingSummary } from './bill-lines'
import {
  HEATING_PRICE_FEN_PER_M2,
  areaTariff,
  currentSeason,
  heatingSeason,
  type AreaTariff,
} from './tariffs'

export interface BillRecord {
  readonly billId: string
  readonly accountNo: string
  readonly kind: 'gas' | 'heating'
  readonly fromDay: number
  readonly toDay: number
  readonly issuedAtMs: number
  readonly dueAtMs: number
  readonly amountFen: number
  paidFen: number
  paidAtMs: number | null
  readonly meter: {
    meterNo: string
    readingFromDm3: number
    readingToDm3: number
    volumeDm3: number
    yearToDateBeforeDm3: number
  } | null
  readonly lines: readonly BillLine[]
  readonly summary: string
}

/** What billing holds for one account, seeded on first use and extended as the clock moves. */
export interface BillingBook {
  readonly account: CustomerAccount
  readonly tariff: AreaTariff
  readonly heating: { areaDm2: number; stoppedSeasons: ReadonlySet<number> } | null
  /** Oldest first. */
  readonly bills: BillRecord[]
  /** 预存: money paid beyond the bills, used by the next bills. */
  prepaymentFen: number
  /** The last payment before the sandbox started (seeded history). */
  seededLastPayment: LastPayment | null
  /** Month index (gas) or season year (heating) of the next bill to issue. */
  nextPeriod: number
}

const HOUR_MS = 3_600_000
const channels = ['wechatpay', 'alipay', 'bank', 'counter'] as const
const personaAreas: Record<string, number> = { '1000000004': 9_856, '1000000009': 7_630 }

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
        stoppedSeasons: new Set(
          !account.accountNo.startsWith('10000000') && random.chance(0.06) ? [season] : [],
        ),
      }
    : null
  const firstPeriod = isHeating ? season - 2 : monthIndexOf(anchorDay) - 24
  const book: BillingBook = {
    account,
    tariff,
    heating,
    bills: [],
    prepaymentFen: 0,
    seededLastPayment: null,
    nextPeriod: firstPeriod,
  }
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
    if (bill === 'not_yet') return
    book.nextPeriod += 1
    if (bill === 'none') continue
    book.bills.push(bill)
    const used = Math.min(book.prepaymentFen, bill.amountFen)
    if (used > 0) {
      bill.paidFen = used
      book.prepaymentFen -= used
      if (used === bill.amountFen) bill.paidAtMs = bill.issuedAtMs
    }
  }
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
    amountFen: totalFen,
    paidFen: 0,
    paidAtMs: null,
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
  const issuedAtMs = dayStartMs(season.issueDay) + 9 * HOUR_MS
  if (heating === null || issuedAtMs > nowMs) return 'not_yet'
  if (dayOfDate(...openedYmd(book.account)) > season.startDay) return 'none'
  const stopped = heating.stoppedSeasons.has(year)
  const { lines, totalFen } = heatingLines(
    heating.areaDm2,
    HEATING_PRICE_FEN_PER_M2,
    season,
    stopped ? 0 : season.days,
  )
  return {
    billId: `H${book.account.accountNo}${year}`,
    accountNo: book.account.accountNo,
    kind: 'heating',
    fromDay: season.startDay,
    toDay: season.endDay,
    issuedAtMs,
    dueAtMs: dayStartMs(season.dueDay + 1) - 1000,
    amountFen: totalFen,
    paidFen: 0,
    paidAtMs: null,
    meter: null,
    lines,
    summary: heatingSummary(season, heating.areaDm2, stopped),
  }
}

function openedYmd(account: CustomerAccount): [number, number, number] {
  const [y, m, d] = account.openedAt.slice(0, 10).split('-').map(Number)
  return [y ?? 2000, m ?? 1, d ?? 1]
}

/**
 * Who paid what before the sandbox started: households in arrears left their latest bills
 * unpaid (at least two, so one is overdue); the others paid each bill some days after it came,
 * except, for some, the bill not due yet. Personas leave bills not due yet for the demo to pay.
 */
function seedPayments(book: BillingBook, random: Random, anchorDay: number): void {
  const anchorMs = dayStartMs(anchorDay)
  const persona = book.account.accountNo.startsWith('10000000')
  const unpaidTail = book.account.status === 'arrears' ? (persona ? 3 : random.int(2, 4)) : 0
  let last: { bill: BillRecord; channel: LastPayment['channel'] } | undefined
  book.bills.forEach((bill, i) => {
    const inArrears = i >= book.bills.length - unpaidTail
    const latePayer = !persona && random.chance(0.45)
    const paidAtMs = bill.issuedAtMs + random.int(1, 20) * DAY_MS + random.int(0, 10) * HOUR_MS
    const channel = random.pick(channels)
    const notDueYet = bill.dueAtMs >= anchorMs
    if (inArrears || paidAtMs >= anchorMs || (notDueYet && (persona || latePayer))) return
    bill.paidFen = bill.amountFen
    bill.paidAtMs = Math.min(paidAtMs, bill.dueAtMs)
    last = { bill, channel }
  })
  if (last === undefined) return
  const { bill, channel } = last
  book.seededLastPayment = {
    paymentId: `HIST${bill.billId}`,
    amountFen: bill.amountFen,
    channel,
    paidAt: toShanghaiIso(bill.paidAtMs ?? bill.issuedAtMs),
  }
}
