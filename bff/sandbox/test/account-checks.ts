import type { AccountSummary, Bill, Posting, Tariff } from '../../contracts/billing'
import type { Reading } from '../../contracts/meters'
import { DAY_MS, tierBoundsDm3 } from './bill-checks'

/*
 * What the pages rely on across an account's answers (bills, summary, ledger, meter readings,
 * tariff), as problems in words: none means they agree.
 */

export function tariffProblems(tariff: Tariff): string[] {
  const problems: string[] = []
  const { tiers } = tariff.gas
  tiers.forEach((tier, i) => {
    const previous = tiers[i - 1]
    if (tier.tier !== i + 1) problems.push(`tier ${i + 1} is numbered ${tier.tier}`)
    if (previous && tier.priceFenPerM3 <= previous.priceFenPerM3) {
      problems.push(`tier ${tier.tier} is not dearer than tier ${previous.tier}`)
    }
    const bound = tier.upToM3
    if ((bound === null) !== (i === tiers.length - 1)) {
      problems.push(`tier ${tier.tier}: only the last tier is open-ended`)
    }
    if (previous?.upToM3 != null && bound !== null && bound <= previous.upToM3) {
      problems.push(`tier ${tier.tier} ends before tier ${previous.tier}`)
    }
  })
  return problems
}

/**
 * An account's bills as listed: newest first, each once; consecutive monthly gas bills continue
 * each other's readings and year-to-date volume; no year's bills put more in a tier than it holds.
 */
export function seriesProblems(bills: readonly Bill[], tariff: Tariff): string[] {
  const problems: string[] = []
  const periods = bills.map((b) => b.period.from)
  // Equal periods only for a metered heating season: its 基本热价 bill and, after the season,
  // its 计量热费 bill cover the same days.
  const repeatsOk = (i: number) =>
    [bills[i], bills[i - 1]].some((b) => b?.lines.some((l) => l.type === 'heating_metered'))
  const outOfOrder = (from: string, i: number) => {
    const before = periods[i - 1] ?? ''
    return from > before || (from === before && !repeatsOk(i))
  }
  if (periods.some((from, i) => i > 0 && outOfOrder(from, i))) {
    problems.push(`bills not newest first: ${periods.join(' ')}`)
  }
  const inTier = new Map<string, { tier: number; dm3: number }>()
  for (const bill of bills) {
    for (const line of bill.lines) {
      if (line.type !== 'gas_tier') continue
      const key = `${bill.period.from.slice(0, 4)} tier ${line.tier}`
      const dm3 = (inTier.get(key)?.dm3 ?? 0) + line.volumeDm3
      inTier.set(key, { tier: line.tier, dm3 })
    }
  }
  for (const [key, { tier, dm3 }] of inTier) {
    const { lower, upper } = tierBoundsDm3(tariff, tier)
    if (dm3 > upper - lower) problems.push(`${key}: the year's bills hold ${dm3} dm³`)
  }
  const byMonth = new Map(bills.map((b) => [b.period.from.slice(0, 7), b]))
  for (const bill of bills) {
    const meter = bill.meter
    if (bill.kind !== 'gas' || !meter) continue
    const [year = 0, month = 0] = bill.period.from.split('-').map(Number)
    if (month === 1 && meter.yearToDateBeforeDm3 !== 0) {
      problems.push(`${bill.billId}: January starts the year at ${meter.yearToDateBeforeDm3} dm³`)
    }
    const before = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`
    const previous = byMonth.get(before)?.meter
    if (!previous) continue
    if (previous.readingToDm3 !== meter.readingFromDm3) {
      problems.push(
        `${bill.billId}: reads from ${meter.readingFromDm3}, last month ended at ${previous.readingToDm3}`,
      )
    }
    const ytd = previous.yearToDateBeforeDm3 + previous.volumeDm3
    if (month !== 1 && meter.yearToDateBeforeDm3 !== ytd) {
      problems.push(
        `${bill.billId}: year to date ${meter.yearToDateBeforeDm3} dm³, bills say ${ytd}`,
      )
    }
  }
  return problems
}

/** The summary the home and bills pages show agrees with the bills. */
export function summaryProblems(summary: AccountSummary, bills: readonly Bill[]): string[] {
  const problems: string[] = []
  const unpaid = bills.filter((b) => b.outstandingFen > 0)
  const overdue = unpaid.filter((b) => b.overdue)
  const sum = (list: readonly Bill[], fen: (b: Bill) => number) =>
    list.reduce((total, b) => total + fen(b), 0)
  // Money settles the late fee first, so what is still owed of it is the fee less what was paid.
  const expected = {
    amountDueFen: sum(unpaid, (b) => b.outstandingFen),
    arrearsFen: sum(overdue, (b) => b.outstandingFen),
    lateFeeFen: sum(overdue, (b) => Math.max(0, b.lateFeeFen - b.paidFen)),
    unpaidBillCount: unpaid.length,
    overdueBillCount: overdue.length,
  }
  for (const [name, value] of Object.entries(expected)) {
    const shown = summary[name as keyof typeof expected]
    if (shown !== value) problems.push(`summary ${name} ${shown}, bills say ${value}`)
  }
  const heating = summary.heating
  if (heating) {
    // A metered home's season fee is its 基本热价 bill; the heat used is billed after the season.
    const season = bills.find(
      (b) =>
        b.kind === 'heating' &&
        b.period.from === heating.season.startsOn &&
        !b.lines.some((l) => l.type === 'heating_metered'),
    )
    const charges = season ? season.amountFen - season.lateFeeFen : 0
    if (heating.seasonFeeFen !== charges) {
      problems.push(`summary season fee ${heating.seasonFeeFen}, the bill charges ${charges}`)
    }
  }
  return problems
}

/** What billing's ledger allocated to each bill is what the bill says was paid. */
export function ledgerProblems(bills: readonly Bill[], postings: readonly Posting[]): string[] {
  const allocated = new Map<string, number>()
  for (const posting of postings) {
    for (const a of posting.allocations) {
      allocated.set(a.billId, (allocated.get(a.billId) ?? 0) + a.amountFen)
    }
  }
  return bills
    .filter((b) => (allocated.get(b.billId) ?? 0) !== b.paidFen)
    .map(
      (b) => `${b.billId}: paid ${b.paidFen}, the ledger allocated ${allocated.get(b.billId) ?? 0}`,
    )
}

/** The meter platform's monthly readings are the readings gas bills were charged on. */
export function readingProblems(bills: readonly Bill[], readings: readonly Reading[]): string[] {
  const byDay = new Map(readings.map((r) => [r.readAt.slice(0, 10), r]))
  const problems: string[] = []
  for (const bill of bills) {
    if (!bill.meter) continue
    const next = new Date(Date.parse(`${bill.period.to}T00:00:00Z`) + DAY_MS).toISOString()
    const reading = byDay.get(next.slice(0, 10))
    if (reading?.readingDm3 !== bill.meter.readingToDm3) {
      problems.push(
        `${bill.billId}: read ${bill.meter.readingToDm3}, the meter ${reading?.readingDm3}`,
      )
    } else if (reading.usageDm3 !== bill.meter.volumeDm3) {
      problems.push(`${bill.billId}: used ${bill.meter.volumeDm3}, the meter ${reading.usageDm3}`)
    }
  }
  return problems
}
