import request from 'supertest'
import { AccountUsage, ErrorEnvelope, PaymentOptions, type GasUsage } from '@gh/shared'
import { randomNamespace } from './auth-fakes'
import { startCoreSandbox, type CoreSandbox } from './core-sandbox'
import { startBff, type TestBff } from './harness'

/**
 * 用量 and the forecast through the real meter, customer and billing adapters and the core
 * sandbox, in mid-December: heating season, when a wall boiler burns most.
 */
const FAMILY = '1000000001' // IoT meter, cooker and gas water heater
const BOILER = '1000000010' // postpaid, heats with a 壁挂炉
const HEATING = '1000000004' // district heating billed by area

let core: CoreSandbox
let bff: TestBff
let token: string

beforeAll(async () => {
  core = await startCoreSandbox('usage', { clockStart: new Date('2026-12-15T10:00:00+08:00') })
  bff = await startBff({
    upstreamUrl: core.url,
    database: 'sqlite',
    now: core.now,
    env: { RATE_LIMIT_NAMESPACE: randomNamespace() },
  })
  const session = await bff.login()
  token = session.token
  for (const accountNo of [FAMILY, BOILER, HEATING]) await bff.bind(session.userId, accountNo)
}, 30_000)
afterAll(async () => {
  await bff?.close()
  await core?.close()
})

const get = (path: string, bearer = token) =>
  request(bff.url).get(`/api/v1${path}`).set('authorization', `Bearer ${bearer}`)

async function gasUsage(accountNo: string, query = ''): Promise<GasUsage> {
  const res = await get(`/accounts/${accountNo}/usage${query}`)
  expect(res.status).toBe(200)
  const usage = AccountUsage.parse(res.body)
  if (usage.kind !== 'gas') throw new Error(`${accountNo} answered ${usage.kind}`)
  return usage
}

test('when a resident asks for 24 months of use, then each month comes once, oldest first, beside the same month a year earlier', async () => {
  const usage = await gasUsage(FAMILY, '?months=24')
  expect(usage.months).toHaveLength(24)
  const keys = usage.months.map((m) => m.month)
  expect(keys).toEqual([...keys].sort())
  expect(new Set(keys).size).toBe(24)
  expect(usage.months.at(-1)).toMatchObject({ month: '2026-12', complete: false })
  expect(usage.readAt).toMatch(/^2026-12-15T00:00:00\+08:00$/)
  for (const [i, m] of usage.months.entries()) {
    const [year, month] = m.month.split('-')
    expect(m.lastYear.month).toBe(`${Number(year) - 1}-${month}`)
    // The second year's pairs are the first year's months, read the same way.
    const yearEarlier = usage.months[i - 12]
    if (yearEarlier) {
      expect(m.lastYear).toEqual({
        month: yearEarlier.month,
        usageDm3: yearEarlier.usageDm3,
        days: yearEarlier.days,
        dailyAverageDm3: yearEarlier.dailyAverageDm3,
      })
    }
  }
  // The last twelve complete months all have last year's month beside them.
  const complete = usage.months.filter((m) => m.complete).slice(-12)
  expect(complete.every((m) => m.usageDm3 !== null && m.lastYear.usageDm3 !== null)).toBe(true)
})

test('when a family month is read, then its daily average is its use over its days, 1–3 m³ for cooking and hot water', async () => {
  const usage = await gasUsage(FAMILY)
  for (const m of usage.months.filter((x) => x.usageDm3 !== null)) {
    expect(m.dailyAverageDm3).toBe(Math.round((m.usageDm3 ?? 0) / m.days))
  }
  const november = usage.months.find((m) => m.month === '2026-11')
  expect(november?.days).toBe(30)
  expect(november?.dailyAverageDm3).toBeGreaterThanOrEqual(1000)
  expect(november?.dailyAverageDm3).toBeLessThanOrEqual(3000)
  expect(usage.months.at(-1)?.days).toBe(14)
})

test('when the forecast is given, then it says what it rests on: the recent daily average and last year', async () => {
  const { forecast, summary } = await gasUsage(FAMILY)
  if (!forecast) throw new Error('no forecast')
  expect(forecast.recentDays).toBeGreaterThanOrEqual(30)
  expect(forecast.recentDays).toBeLessThanOrEqual(61)
  const shown = (Math.round(forecast.recentDailyDm3 / 100) / 10).toFixed(1)
  expect(forecast.basis).toBe(`按近${forecast.recentDays}天日均 ${shown} m³ 及去年同期用量估算`)
  expect(forecast.lastYearDailyDm3).not.toBeNull()
  expect(summary).toContain(forecast.basis)
})

test('when a wall-boiler home is forecast in December, then it expects several m³ a day more than the family without one', async () => {
  const family = (await gasUsage(FAMILY)).forecast
  const boiler = (await gasUsage(BOILER)).forecast
  if (!family || !boiler) throw new Error('no forecast')
  expect(boiler.dailyDm3 - family.dailyDm3).toBeGreaterThan(4000)
  // Heating started mid-November: the forecast follows last December, not the milder weeks read.
  expect(boiler.dailyDm3).toBeGreaterThan(boiler.recentDailyDm3)
})

test('when a family tops up ¥50 in December, then the days it buys follow from the forecast use and are believable', async () => {
  const usage = await gasUsage(FAMILY)
  const res = await get(`/accounts/${FAMILY}/payment-options`)
  expect(res.status).toBe(200)
  const options = PaymentOptions.parse(res.body)
  const fifty = options.recharge.presets.find((p) => p.amountFen === 5000)
  if (!fifty?.daysOfGas || options.daysOfGasNow === null || !usage.forecast) {
    throw new Error('no estimate for ¥50')
  }
  const bought = fifty.daysOfGas - options.daysOfGasNow
  const m3PerDay = usage.forecast.dailyDm3 / 1000
  // ¥50 buys 50 ÷ price m³, at a tier price between 3.10 and 4.65 元/m³.
  expect(bought).toBeGreaterThanOrEqual(Math.floor(50 / 4.65 / m3PerDay) - 1)
  expect(bought).toBeLessThanOrEqual(Math.ceil(50 / 3.1 / m3PerDay) + 1)
  expect(bought).toBeLessThan(60)
  expect(options.daysOfGasBasis).toBe(usage.forecast.basis)
})

test('when the months asked are out of 1–24, then 400 with a Chinese message; within, that many', async () => {
  for (const months of ['0', '25', 'x']) {
    const res = await get(`/accounts/${FAMILY}/usage?months=${months}`)
    expect(res.status).toBe(400)
    expect(ErrorEnvelope.parse(res.body).error.message).toMatch(/[\u4e00-\u9fa5]/)
  }
  expect((await gasUsage(FAMILY, '?months=6')).months.map((m) => m.month)).toEqual([
    '2026-07',
    '2026-08',
    '2026-09',
    '2026-10',
    '2026-11',
    '2026-12',
  ])
  expect((await gasUsage(FAMILY)).months).toHaveLength(24)
})

test('when a district-heating account billed by area is asked, then the answer is its area basis, not a volume', async () => {
  const res = await get(`/accounts/${HEATING}/usage`)
  expect(res.status).toBe(200)
  const usage = AccountUsage.parse(res.body)
  expect(usage).toMatchObject({ kind: 'heating', basis: 'area', areaDm2: 9856 })
  if (usage.kind !== 'heating') throw new Error('not heating')
  expect(usage.summary).toContain('建筑面积 98.56 m²')
  expect(usage.season.startsOn).toBe('2026-11-15')
})

test('when a user not bound to the account asks, then 403 ACCOUNT_NOT_BOUND and no use is read', async () => {
  const stranger = await bff.login()
  const res = await get(`/accounts/${FAMILY}/usage`, stranger.token)
  expect(res.status).toBe(403)
  expect(ErrorEnvelope.parse(res.body).error.code).toBe('ACCOUNT_NOT_BOUND')
})

test('when the route is listed, then the OpenAPI document has it, account-scoped, with its months query', async () => {
  const res = await request(bff.url).get('/api/v1/openapi.json').expect(200)
  const op = res.body.paths['/api/v1/accounts/{accountNo}/usage']?.get
  expect(op).toMatchObject({ operationId: 'getUsage', 'x-account-scoped': true })
  const names = (op.parameters as { name: string; in: string }[]).map((p) => `${p.in}:${p.name}`)
  expect(names).toEqual(expect.arrayContaining(['path:accountNo', 'query:months']))
})
