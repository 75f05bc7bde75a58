import request from 'supertest'
import { AccountUsage, BillList, HeatingOverview, type MeteredHeatingUsage } from '@gh/shared'
import { randomNamespace } from './auth-fakes'
import { startCoreSandbox, type CoreSandbox } from './core-sandbox'
import { startBff, type TestBff } from './harness'

/**
 * 热计量 through the real billing adapter and the core sandbox: a heating home with a heat meter
 * answers its heat in GJ and the two-part fee; one billed by area keeps the area answer.
 */
const METERED = '1000000012'
const AREA = '1000000004'

interface Stack {
  core: CoreSandbox
  bff: TestBff
  token: string
}

async function startStack(name: string, clock: string): Promise<Stack> {
  const core = await startCoreSandbox(name, { clockStart: new Date(clock) })
  const bff = await startBff({
    upstreamUrl: core.url,
    database: 'sqlite',
    now: core.now,
    env: { RATE_LIMIT_NAMESPACE: randomNamespace() },
  })
  const session = await bff.login()
  for (const accountNo of [METERED, AREA]) await bff.bind(session.userId, accountNo)
  return { core, bff, token: session.token }
}

const get = (stack: Stack, path: string) =>
  request(stack.bff.url).get(`/api/v1${path}`).set('authorization', `Bearer ${stack.token}`)

async function meteredUsage(stack: Stack): Promise<MeteredHeatingUsage> {
  const res = await get(stack, `/accounts/${METERED}/usage?months=24`)
  expect(res.status).toBe(200)
  const usage = AccountUsage.parse(res.body)
  if (usage.kind !== 'heating_metered') throw new Error(`answered ${usage.kind}`)
  return usage
}

const gj = (mj: number | null) => (mj ?? 0) / 1000

describe('in the heating season (15 December)', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack('heat-in', '2026-12-15T10:00:00+08:00')
  }, 30_000)
  afterAll(async () => {
    await stack?.bff.close()
    await stack?.core.close()
  })

  test('when a metered home asks for 24 months, then each month is heat in GJ beside last year, none outside the season', async () => {
    const usage = await meteredUsage(stack)
    expect(usage.unit).toBe('GJ')
    expect(usage.months).toHaveLength(24)
    expect(usage.months.at(-1)).toMatchObject({ month: '2026-12', complete: false, days: 14 })
    for (const m of usage.months) {
      const month = Number(m.month.slice(5))
      if (month >= 4 && month <= 10) expect(m.usageDm3).toBe(0)
    }
    const january = usage.months.find((m) => m.month === '2026-01')
    // 89.40 m² at 0.25–0.45 GJ per m² a season: a January of roughly 6–11 GJ.
    expect(gj(january?.usageDm3 ?? null)).toBeGreaterThan(5)
    expect(gj(january?.usageDm3 ?? null)).toBeLessThan(12)
    expect(january?.lastYear.usageDm3).toBeGreaterThan(0)
  })

  test('when the last full season is added up, then it is 0.25–0.45 GJ per m² of the home', async () => {
    const usage = await meteredUsage(stack)
    const season = usage.months
      .filter((m) => m.month >= '2025-11' && m.month <= '2026-03')
      .reduce((sum, m) => sum + (m.usageDm3 ?? 0), 0)
    const perM2 = gj(season) / (usage.areaDm2 / 100)
    expect(perM2).toBeGreaterThan(0.25)
    expect(perM2).toBeLessThan(0.45)
  })

  test('when the season has run a month, then its heat so far and the 计量热费 follow the meter and say GJ', async () => {
    const usage = await meteredUsage(stack)
    const nov = usage.months.find((m) => m.month === '2026-11')?.usageDm3 ?? 0
    const dec = usage.months.at(-1)?.usageDm3 ?? 0
    expect(usage.seasonHeatMj).toBe(nov + dec)
    expect(usage.meteredFeeSoFarFen).toBe(
      Math.round((usage.seasonHeatMj * usage.priceFenPerGj) / 1000),
    )
    expect(usage.basicFeeFen).toBe(Math.round((8940 * 2280 * 0.3) / 100))
    expect(usage.summary).toContain('GJ')
    expect(usage.summary).toContain('基本热价')
  })

  test('when a home billed by area asks, then it keeps the area answer', async () => {
    const res = await get(stack, `/accounts/${AREA}/usage`)
    expect(res.status).toBe(200)
    expect(AccountUsage.parse(res.body)).toMatchObject({ kind: 'heating', basis: 'area' })
  })

  test('when a metered home opens its heating season, then the fee rule is 基本热价 + 计量热价 × GJ with the GJ so far', async () => {
    const res = await get(stack, `/accounts/${METERED}/heating`)
    expect(res.status).toBe(200)
    const overview = HeatingOverview.parse(res.body)
    expect(overview.fee.basis).toBe('metered')
    expect(overview.fee.metered?.seasonHeatMj).toBeGreaterThan(0)
    expect(overview.rules.fee).toContain('基本热价')
    expect(overview.rules.fee).toContain('计量热价')
    expect(overview.rules.fee).toContain('GJ')
    expect(overview.fee.formula).toContain('GJ')
    // The season bill issued on 1 October carries the basic part only.
    expect(overview.fee.seasonFeeFen).toBe(overview.fee.metered?.basicFeeFen)
  })

  test('when a home billed by area opens its heating season, then there is no metered part', async () => {
    const res = await get(stack, `/accounts/${AREA}/heating`)
    const overview = HeatingOverview.parse(res.body)
    expect(overview.fee.basis).toBe('area')
    expect(overview.fee.metered).toBeUndefined()
  })
})

describe('out of the heating season (10 June)', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack('heat-out', '2027-06-10T10:00:00+08:00')
  }, 30_000)
  afterAll(async () => {
    await stack?.bff.close()
    await stack?.core.close()
  })

  test('when the season is over, then this month has no heat and the season total stands', async () => {
    const usage = await meteredUsage(stack)
    expect(usage.months.at(-1)).toMatchObject({ month: '2027-06', usageDm3: 0 })
    const season = usage.months
      .filter((m) => m.month >= '2026-11' && m.month <= '2027-03')
      .reduce((sum, m) => sum + (m.usageDm3 ?? 0), 0)
    expect(usage.seasonHeatMj).toBe(season)
    expect(usage.months.find((m) => m.month === '2027-01')?.usageDm3).toBeGreaterThan(0)
  })

  test('when the season has ended, then billing has issued its 计量热费 on the GJ the meter counted', async () => {
    const usage = await meteredUsage(stack)
    const res = await get(stack, `/accounts/${METERED}/bills`)
    expect(res.status).toBe(200)
    const { bills } = BillList.parse(res.body)
    const metered = bills.find((b) => b.lines.some((l) => l.type === 'heating_metered'))
    const line = metered?.lines.find((l) => l.type === 'heating_metered')
    expect(metered?.period).toEqual({ from: '2026-11-15', to: '2027-03-15' })
    expect(line).toMatchObject({ heatMj: usage.seasonHeatMj, priceFenPerGj: 4800 })
    expect(metered?.amountFen).toBe(Math.round((usage.seasonHeatMj * 4800) / 1000))
    expect(line?.explanation).toContain('GJ')
    // The same season's 基本热价 bill came before it, at 30% of the area price.
    const basic = bills.find(
      (b) => b.period.from === '2026-11-15' && b.lines.some((l) => l.type === 'heating_basic'),
    )
    expect(basic?.amountFen).toBe(Math.round((8940 * 2280 * 0.3) / 100))
  })
})
