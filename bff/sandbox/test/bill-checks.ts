import { dm2ToM2String, dm3ToM3String } from '@gh/shared'
import type { Bill, BillLine, Tariff } from '../../contracts/billing'

/*
 * What the pages rely on in one bill, as problems in words (none: the bill holds).
 * The BFF writes each line's explanation from the line's numbers alone (bff/src/bills/bill-view.ts):
 * tier m³ × price, area × price × days/season × percent, overdue × rate × days. So each line
 * must carry numbers whose product, rounded half up to the fen, is its amount.
 */

const DM3_PER_M3 = 1000
export const DAY_MS = 86_400_000

/** Half-up rounding of a non-negative fraction, exact for the sizes billing deals in. */
const roundHalfUp = (numerator: number, denominator: number): number =>
  Math.floor((2 * numerator + denominator) / (2 * denominator))

const isFen = (value: number): boolean => Number.isSafeInteger(value) && value >= 0

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (calendar arithmetic only). */
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS

/** Where tier `tier` begins and ends in the year's cumulative volume, in dm³. */
export function tierBoundsDm3(tariff: Tariff, tier: number): { lower: number; upper: number } {
  const upTo = (t: number) => tariff.gas.tiers[t - 1]?.upToM3
  const upper = upTo(tier)
  return {
    lower: (upTo(tier - 1) ?? 0) * DM3_PER_M3,
    upper: upper === null || upper === undefined ? Infinity : upper * DM3_PER_M3,
  }
}

export interface BillContext {
  readonly nowMs: number
  readonly tariff: Tariff
  /** 建筑面积 from the summary (heating accounts). */
  readonly areaDm2: number | null
}

export function billProblems(bill: Bill, context: BillContext): string[] {
  const problems: string[] = []
  const say = (problem: string) => problems.push(`${bill.billId}: ${problem}`)
  for (const name of ['amountFen', 'lateFeeFen', 'paidFen', 'outstandingFen'] as const) {
    if (!isFen(bill[name])) say(`${name} ${bill[name]} is not fen`)
  }
  const linesFen = bill.lines.reduce((sum, l) => sum + l.amountFen, 0)
  if (linesFen !== bill.amountFen) say(`lines add up to ${linesFen}, the bill to ${bill.amountFen}`)
  if (bill.paidFen + bill.outstandingFen !== bill.amountFen) {
    say(`paid ${bill.paidFen} + outstanding ${bill.outstandingFen} ≠ ${bill.amountFen}`)
  }
  const status =
    bill.outstandingFen === 0 ? 'paid' : bill.paidFen === 0 ? 'unpaid' : 'partially_paid'
  if (bill.status !== status) say(`status ${bill.status}, amounts say ${status}`)
  if ((bill.paidAt !== null) !== (status === 'paid')) say(`paidAt ${bill.paidAt} with ${status}`)
  const overdue = bill.outstandingFen > 0 && Date.parse(bill.dueAt) < context.nowMs
  if (bill.overdue !== overdue) say(`overdue ${bill.overdue}, dates say ${overdue}`)
  for (const line of bill.lines) {
    // A 室温不达标 credit takes money off the bill: its amount is the only negative one.
    const amount = line.type === 'heating_compensation' ? -line.amountFen : line.amountFen
    if (!isFen(amount)) say(`a ${line.type} line of ${line.amountFen} is not fen`)
  }
  problems.push(...lateFeeProblems(bill, context.nowMs).map((p) => `${bill.billId}: ${p}`))
  problems.push(...summaryTextProblems(bill).map((p) => `${bill.billId}: ${p}`))
  const found =
    bill.kind === 'gas' ? gasProblems(bill, context.tariff) : heatingProblems(bill, context)
  problems.push(...found.map((p) => `${bill.billId}: ${p}`))
  return problems
}

function lateFeeProblems(bill: Bill, nowMs: number): string[] {
  const fees = bill.lines.filter((l) => l.type === 'late_fee')
  const fee = fees[0]
  if (fees.length > 1) return ['more than one late_fee line']
  if (!fee) return bill.lateFeeFen === 0 ? [] : [`lateFeeFen ${bill.lateFeeFen} without its line`]
  const problems: string[] = []
  if (fee.amountFen !== bill.lateFeeFen) {
    problems.push(`late_fee line ${fee.amountFen}, lateFeeFen ${bill.lateFeeFen}`)
  }
  const dueDay = dayNumber(bill.dueAt.slice(0, 10))
  if (dayNumber(fee.fromDate) !== dueDay + 1) {
    problems.push(`late fee from ${fee.fromDate}, due ${bill.dueAt}`)
  }
  const daysSinceDue = Math.floor((nowMs - Date.parse(bill.dueAt)) / DAY_MS) + 1
  if (fee.days < 1 || fee.days > daysSinceDue) {
    problems.push(`late fee for ${fee.days} days, ${daysSinceDue} days after the due date`)
  }
  const chargesFen = bill.amountFen - bill.lateFeeFen
  const formulaFen = roundHalfUp(fee.overdueFen * fee.dailyRateBp * fee.days, 10_000)
  const capped = fee.amountFen < formulaFen && fee.amountFen === chargesFen
  if (fee.amountFen !== formulaFen && !capped) {
    problems.push(
      `late fee ${fee.amountFen} ≠ ${fee.overdueFen} × ${fee.dailyRateBp}bp × ${fee.days} days`,
    )
  }
  return problems
}

/**
 * The summary is the bill's note in the app: its numbers are the bill's, and it repeats the late
 * fee's explanation as a sentence of its own, which is how the BFF knows to leave it out.
 */
function summaryTextProblems(bill: Bill): string[] {
  const problems: string[] = []
  const sentences = bill.summary.split('。').map((sentence) => sentence.trim())
  const fee = bill.lines.find((l) => l.type === 'late_fee')
  if (fee && !sentences.includes(fee.explanation)) {
    problems.push('the summary does not repeat the late fee as a sentence')
  }
  const [year = 0, month = 0] = bill.period.from.split('-').map(Number)
  const heated = bill.lines.find((l) => l.type === 'heating' || l.type === 'heating_basic')
  const opening =
    bill.kind === 'gas' && bill.meter
      ? `${year}年${month}月用气 ${dm3ToM3String(bill.meter.volumeDm3)} m³。本年此前已用 ` +
        `${dm3ToM3String(bill.meter.yearToDateBeforeDm3)} m³`
      : heated?.type === 'heating' || heated?.type === 'heating_basic'
        ? `${year}-${year + 1} 采暖季（${bill.period.from} 至 ${bill.period.to}，共 ` +
          `${heated.seasonDays} 天），按建筑面积 ${dm2ToM2String(heated.areaDm2)} m² 计费`
        : null
  if (opening !== null && !bill.summary.startsWith(opening)) {
    problems.push(`the summary "${bill.summary}" does not begin "${opening}"`)
  }
  return problems
}

type GasLine = Extract<BillLine, { type: 'gas_tier' }>

function gasProblems(bill: Bill, tariff: Tariff): string[] {
  const problems: string[] = []
  const { meter } = bill
  const lines = bill.lines.filter((l): l is GasLine => l.type === 'gas_tier')
  if (!meter) return ['a gas bill without its readings']
  if (lines.length !== bill.lines.filter((l) => l.type !== 'late_fee').length) {
    problems.push('a gas bill with heating lines')
  }
  if (meter.readingToDm3 - meter.readingFromDm3 !== meter.volumeDm3 || meter.volumeDm3 <= 0) {
    problems.push(`readings ${meter.readingFromDm3}→${meter.readingToDm3}, ${meter.volumeDm3} dm³`)
  }
  const linesDm3 = lines.reduce((sum, l) => sum + l.volumeDm3, 0)
  if (linesDm3 !== meter.volumeDm3)
    problems.push(`tiers hold ${linesDm3} of ${meter.volumeDm3} dm³`)
  if (bill.period.from.slice(0, 7) !== bill.period.to.slice(0, 7)) {
    problems.push(`gas period ${bill.period.from}…${bill.period.to} spans months`)
  }
  // Tier k's part lies between the bounds of tiers k-1 and k of the year-to-date volume.
  let cumulative = meter.yearToDateBeforeDm3
  lines.forEach((line, i) => {
    const tier = tariff.gas.tiers[line.tier - 1]
    const { lower, upper } = tierBoundsDm3(tariff, line.tier)
    const previous = lines[i - 1]
    if (previous && line.tier !== previous.tier + 1) problems.push('tiers not in sequence')
    if (line.unitPriceFen !== tier?.priceFenPerM3) {
      problems.push(
        `tier ${line.tier} at ${line.unitPriceFen}, the tariff says ${tier?.priceFenPerM3}`,
      )
    }
    if (cumulative < lower || (i > 0 && cumulative !== lower)) {
      problems.push(`tier ${line.tier} starts at ${cumulative} dm³, its bound is ${lower}`)
    }
    cumulative += line.volumeDm3
    if (cumulative > upper) problems.push(`tier ${line.tier} runs to ${cumulative} dm³ of ${upper}`)
    const amount = roundHalfUp(line.volumeDm3 * line.unitPriceFen, DM3_PER_M3)
    if (line.volumeDm3 <= 0 || line.amountFen !== amount) {
      problems.push(
        `tier ${line.tier}: ${line.volumeDm3} dm³ × ${line.unitPriceFen} ≠ ${line.amountFen}`,
      )
    }
  })
  return problems
}

type HeatingBillLine = Extract<BillLine, { type: 'heating' | 'heating_basic' }>

function heatingProblems(bill: Bill, context: BillContext): string[] {
  const problems: string[] = []
  const heating = context.tariff.heating
  const lines = bill.lines.filter(
    (l): l is HeatingBillLine => l.type === 'heating' || l.type === 'heating_basic',
  )
  if (bill.meter !== null) problems.push('a heating bill with meter readings')
  if (!heating) return [...problems, 'a heating bill where the tariff has no heating']
  const metered = bill.lines.filter((l) => l.type === 'heating_metered')
  if (metered.length > 0) return [...problems, ...meteredProblems(bill, metered, lines)]
  if (lines.length === 0) problems.push('a heating bill without heating lines')
  const seasonDays = dayNumber(bill.period.to) - dayNumber(bill.period.from) + 1
  let days = 0
  for (const line of lines) {
    days += line.days
    const percent = line.type === 'heating' ? 100 : heating.stoppedFeePercent
    if (line.percent !== percent) problems.push(`${line.type} at ${line.percent}%`)
    if (line.priceFenPerM2 !== heating.priceFenPerM2) {
      problems.push(
        `${line.type} at ${line.priceFenPerM2}/m², the tariff says ${heating.priceFenPerM2}`,
      )
    }
    if (line.seasonDays !== seasonDays) {
      problems.push(`${line.type} counts ${line.seasonDays} season days, the period ${seasonDays}`)
    }
    if (context.areaDm2 !== null && line.areaDm2 !== context.areaDm2) {
      problems.push(`${line.type} for ${line.areaDm2} dm², the account has ${context.areaDm2}`)
    }
    const amount = roundHalfUp(
      line.areaDm2 * line.priceFenPerM2 * line.days * line.percent,
      100 * 100 * line.seasonDays,
    )
    if (line.amountFen !== amount) {
      problems.push(
        `${line.type}: ${line.areaDm2} dm² × ${line.priceFenPerM2} × ${line.days}/` +
          `${line.seasonDays} × ${line.percent}% ≠ ${line.amountFen}`,
      )
    }
  }
  if (days !== seasonDays) problems.push(`lines cover ${days} of ${seasonDays} season days`)
  return problems
}

type MeteredLine = Extract<BillLine, { type: 'heating_metered' }>

/** A 计量热费 bill: the season's heat once, at the metered price, and no area charge. */
function meteredProblems(
  bill: Bill,
  metered: readonly MeteredLine[],
  areaLines: readonly HeatingBillLine[],
): string[] {
  const problems: string[] = []
  if (metered.length !== 1) problems.push(`${metered.length} metered lines`)
  if (areaLines.length > 0) problems.push('a metered heat bill with an area charge')
  for (const line of metered) {
    const amount = roundHalfUp(line.heatMj * line.priceFenPerGj, 1000)
    if (line.amountFen !== amount) {
      problems.push(`heat ${line.heatMj} MJ × ${line.priceFenPerGj}/GJ ≠ ${line.amountFen}`)
    }
  }
  if (bill.period.from > bill.period.to) problems.push('a metered bill ending before it starts')
  return problems
}
