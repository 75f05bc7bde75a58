import { AccountPostings, AccountSummary, BillList, Tariff } from '../../contracts/billing'
import { ReadingList } from '../../contracts/meters'
import { SandboxClock, shanghaiMs, toShanghaiIso } from '../clock'
import { personas } from '../seed/personas'
import {
  ledgerProblems,
  readingProblems,
  seriesProblems,
  summaryProblems,
  tariffProblems,
} from './account-checks'
import { billProblems } from './bill-checks'
import { closeAll, startSandbox, type Running } from './helpers'

afterEach(closeAll)

/*
 * Two years of the sandbox's calendar, as residents would meet it: every month end (the year
 * ends among them), the first morning of each year, the day heating bills are issued and the
 * first and last days of each heating season. At each instant every persona's bills, summary and
 * ledger must hold together the way the pages rely on (see bill-checks.ts). Once on a sandbox
 * whose clock is moved along (bills issued and fees accrued as time passes), once on sandboxes
 * started at each instant (history seeded from that day).
 */
const WALK_FROM = { year: 2026, month: 7 }
const WALK_MONTHS = 24

function walkInstants(): number[] {
  const instants: number[] = []
  for (let i = 0; i < WALK_MONTHS; i++) {
    const year = WALK_FROM.year + Math.floor((WALK_FROM.month - 1 + i) / 12)
    const month = ((WALK_FROM.month - 1 + i) % 12) + 1
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
    instants.push(shanghaiMs(year, month, lastDay, 23, 30))
    if (month === 1) instants.push(shanghaiMs(year, 1, 1, 0, 30))
    // Heating: billed on 1 October at 09:00; the season runs 15 November to 15 March.
    if (month === 10) instants.push(shanghaiMs(year, 10, 1, 9, 30))
    if (month === 11) instants.push(shanghaiMs(year, 11, 15, 8, 0))
    if (month === 3) instants.push(shanghaiMs(year, 3, 15, 20, 0))
  }
  return instants.sort((a, b) => a - b)
}

/** A sandbox at exactly `atMs`: its real-time source stands still, so only the walk moves time. */
const startAt = (atMs: number) =>
  startSandbox({
    config: { accounts: 0, clockStart: new Date(atMs) },
    clock: new SandboxClock(() => 0),
  })

const accounts = personas.map((p) => p.account)
const billed = accounts.filter((a) => a.kind === 'postpaid_gas' || a.kind === 'heating')

async function body(http: Running['http'], path: string): Promise<unknown> {
  return (await http.get(path).expect(200)).body
}

/** The tariff of each billed account, by account number: prices do not move with the clock. */
async function tariffsOf(http: Running['http']): Promise<Map<string, Tariff>> {
  const tariffs = new Map<string, Tariff>()
  for (const { accountNo, areaCode } of billed) {
    tariffs.set(accountNo, Tariff.parse(await body(http, `/billing/v1/tariffs/${areaCode}`)))
  }
  return tariffs
}

/**
 * Every problem of the personas' bills at `nowMs`. `freshStart`: the sandbox has just seeded its
 * history, in which only the arrears household has overdue bills (and late fees).
 */
async function problemsAt(
  http: Running['http'],
  nowMs: number,
  tariffs: Map<string, Tariff>,
  freshStart: boolean,
): Promise<string[]> {
  const problems: string[] = []
  for (const account of accounts) {
    const { accountNo } = account
    const listed = await body(http, `/billing/v1/accounts/${accountNo}/bills`)
    const bills = BillList.parse(listed).bills
    const tariff = tariffs.get(accountNo)
    if (!tariff) {
      if (bills.length > 0) problems.push(`${accountNo}: ${bills.length} bills of a prepaid meter`)
      continue
    }
    if (bills.length === 0) problems.push(`${accountNo}: no bills`)
    const summary = AccountSummary.parse(
      await body(http, `/billing/v1/accounts/${accountNo}/summary`),
    )
    const ledger = await body(http, `/billing/v1/accounts/${accountNo}/postings`)
    const postings = AccountPostings.parse(ledger).postings
    const readings = account.meterNo
      ? ReadingList.parse(await body(http, `/meters/v1/meters/${account.meterNo}/readings`))
          .readings
      : []
    const context = { nowMs, tariff, areaDm2: summary.heating?.areaDm2 ?? null }
    const found = [
      ...tariffProblems(tariff),
      ...bills.flatMap((bill) => billProblems(bill, context)),
      ...seriesProblems(bills, tariff),
      ...summaryProblems(summary, bills),
      ...ledgerProblems(bills, postings),
      ...readingProblems(bills, readings),
    ]
    const overdue = summary.overdueBillCount > 0 && summary.lateFeeFen > 0
    if (freshStart && overdue !== (account.status === 'arrears')) {
      found.push(`${account.status} account, overdue ${overdue}`)
    }
    problems.push(...found.map((p) => `${accountNo}: ${p}`))
  }
  return problems.map((p) => `${toShanghaiIso(nowMs)} ${p}`)
}

describe('the seeded calendar', () => {
  it('when the clock moves through two years, then at every instant each bill explains itself and agrees with the summary, the ledger and the meter', async () => {
    const [first = 0, ...rest] = walkInstants()
    const { http } = await startAt(first)
    const tariffs = await tariffsOf(http)
    const problems = await problemsAt(http, first, tariffs, true)
    for (const at of rest) {
      await http
        .post('/sandbox/clock')
        .send({ set: toShanghaiIso(at) })
        .expect(200)
      problems.push(...(await problemsAt(http, at, tariffs, false)))
    }
    expect(problems).toEqual([])
  }, 40_000)

  it('when a sandbox starts at any instant of the two years, then its seeded history holds together and only the arrears household is overdue', async () => {
    const problems: string[] = []
    for (const at of walkInstants()) {
      const { http } = await startAt(at)
      problems.push(...(await problemsAt(http, at, await tariffsOf(http), true)))
      await closeAll()
    }
    expect(problems).toEqual([])
  }, 40_000)
})
