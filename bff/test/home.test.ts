import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import request from 'supertest'
import { ErrorEnvelope, HomePage, type HomeSections } from '@gh/shared'
import { startBff, type TestBff } from './harness'
import {
  eventually,
  openWorld,
  pay,
  testPayments,
  type Resident,
  type SandboxWorld,
} from './sandbox-payments-helpers'

/**
 * 首页 through the real adapters, the read cache and the core sandbox (its clock pinned by
 * core-sandbox.ts): sections ok or unavailable on their own, one upstream call per answer under
 * a burst, and the next read after a payment showing it.
 */
const IOT = '1000000001' // 王建国: IoT prepaid; his 小区 has a 停气 announced
const POSTPAID = '1000000003' // monthly gas bills
const HEATING = '1000000004' // district heating
const ARREARS = '1000000005' // overdue gas bills
const ELDERLY = '1000000007' // IoT prepaid, read by nobody before the burst
const FAMILY = '1000000008' // IoT prepaid, topped up below
const RURAL = '1000000010' // postpaid, read first while billing fails

const BILLING_SECTIONS = ['due', 'latestBill', 'heating'] as const

/**
 * Above the default, so a cold page makes it on a busy test machine; still below the slow
 * billing below (3 s), whose sections must miss it.
 */
const HOME_BUDGET_MS = '2000'

let world: SandboxWorld
let bff: TestBff
let resident: Resident

beforeAll(async () => {
  world = await openWorld(testPayments, { env: { HOME_BUDGET_MS } })
  bff = await world.startInstance()
  resident = await world.resident(IOT, POSTPAID, HEATING, ARREARS, ELDERLY, FAMILY, RURAL)
}, 30_000)
afterAll(() => world?.close())

async function home(accountNo: string, token = resident.token): Promise<HomePage> {
  const res = await request(bff.url)
    .get(`/api/v1/accounts/${accountNo}/home`)
    .set('authorization', `Bearer ${token}`)
  expect(res.status).toBe(200)
  return HomePage.parse(res.body)
}

function ok<K extends keyof HomeSections>(page: HomePage, name: K) {
  const section = page.sections[name]
  if (section.status !== 'ok') throw new Error(`${name} is unavailable: ${section.message}`)
  return section as Extract<HomeSections[K], { status: 'ok' }>
}

function statuses(page: HomePage): Record<string, string> {
  return Object.fromEntries(Object.entries(page.sections).map(([k, s]) => [k, s.status]))
}

/** Forwards to `target` and keeps the path (and query) of every request it forwarded. */
async function countingProxy(target: string) {
  let seen: string[] = []
  const server: Server = createServer((req, res) => {
    seen.push(req.url ?? '')
    const out = httpRequest(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    out.on('error', () => res.writeHead(502).end())
    req.pipe(out)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    paths: () => [...seen],
    reset: () => void (seen = []),
    close: () => {
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

test('when an IoT prepaid resident opens 首页, then the balance lasts 约 N 天, the coming 停气 of their 小区 shows and nothing is owed', async () => {
  const page = await home(IOT)
  expect(page.accountNo).toBe(IOT)
  expect(page.generatedAt).toMatch(/\+08:00$/)
  expect(Object.values(statuses(page))).toEqual(Array(8).fill('ok'))
  expect(ok(page, 'account').account).toMatchObject({ accountNo: IOT, kind: 'iot_prepaid' })
  const { balance } = ok(page, 'balance')
  expect(balance).toMatchObject({ meterKind: 'iot', online: true })
  expect(balance?.balanceFen).toBeGreaterThan(0)
  expect(balance?.daysOfGas).toBeGreaterThan(0)
  expect(ok(page, 'due').due).toBeNull()
  expect(ok(page, 'latestBill').bill).toBeNull()
  expect(ok(page, 'openRepair').repair).toBeNull()
  expect(ok(page, 'heating').heating).toBeNull()
  const { notices } = ok(page, 'supplyStops')
  expect(notices.length).toBeGreaterThan(0)
  expect(notices.every((n) => n.kind === 'gas' && n.status !== 'ended')).toBe(true)
  expect(notices.every((n) => n.scope.includes('翠屏花园'))).toBe(true)
  // Personal data stays masked on the page.
  expect(JSON.stringify(page)).not.toContain('王建国')
})

test('when a resident with overdue bills opens 首页, then what is owed, since when, and 立即缴费 show with the newest bill', async () => {
  const page = await home(ARREARS)
  const { due } = ok(page, 'due')
  expect(due?.overdue).toBe(true)
  expect(due?.amountDueFen).toBeGreaterThan(0)
  expect(due?.payAction).toEqual({ label: '立即缴费', amountFen: due?.amountDueFen })
  expect(due?.oldestDueAt).toMatch(/\+08:00$/)
  const { bill } = ok(page, 'latestBill')
  expect(bill?.title).toMatch(/^\d{4}年\d{1,2}月燃气费$/)
  expect(bill).not.toHaveProperty('lines')
  expect(ok(page, 'balance').balance).toBeNull()
})

test('when a district-heating resident opens 首页, then the season and whether the home is heated show', async () => {
  const { heating } = ok(await home(HEATING), 'heating')
  expect(heating?.seasonStartsOn).toMatch(/^\d{4}-11-\d{2}$/)
  expect(heating?.heatedThisSeason).toBe(true)
  expect(heating?.inSeason).toBe(true)
})

test('when 50 home requests for one account arrive at once with nothing cached, then the core systems see a handful of calls, not one per request', async () => {
  // A BFF of its own behind a proxy that counts what reaches the core systems for the account.
  const counter = await countingProxy(world.sandboxUrl)
  const instance = await startBff({
    upstreamUrl: counter.url,
    now: world.now,
    database: 'sqlite',
    env: { HOME_BUDGET_MS },
  })
  try {
    const { token, userId } = await instance.login()
    await instance.bind(userId, ELDERLY)
    counter.reset()
    const pages = await Promise.all(
      Array.from({ length: 50 }, () =>
        request(instance.url)
          .get(`/api/v1/accounts/${ELDERLY}/home`)
          .set('authorization', `Bearer ${token}`),
      ),
    )
    expect(pages.map((p) => p.status)).toEqual(Array(50).fill(200))
    for (const page of pages) {
      expect(Object.values(HomePage.parse(page.body).sections).map((s) => s.status)).toEqual(
        Array(8).fill('ok'),
      )
    }
    // The CIS record, billing's summary and bills, the tariff, the meter and its readings, the
    // area's notices and the open repair: one call each for the burst. The notification
    // watches may read the same account once more on their own schedule.
    const calls = new Map<string, number>()
    for (const path of counter.paths()) calls.set(path, (calls.get(path) ?? 0) + 1)
    expect([...calls.keys()].filter((p) => p.includes(ELDERLY)).length).toBeGreaterThanOrEqual(4)
    for (const [path, n] of calls) expect([path, n]).toEqual([path, n <= 2 ? n : '≤ 2'])
    expect(counter.paths().length).toBeLessThanOrEqual(16)
  } finally {
    await instance.close()
    await counter.close()
  }
})

test('when a top-up is credited, then the next 首页 shows the new balance and the order as arrived', async () => {
  const before = ok(await home(FAMILY), 'balance').balance
  if (!before) throw new Error('the family persona has no prepaid balance')
  const orderNo = await resident.create(FAMILY, 'recharge', 3000)
  await pay(world, orderNo)
  await eventually(async () => {
    expect((await resident.read(FAMILY, 'recharge', orderNo)).state).toBe('CREDITED')
  }, 20_000)
  const after = await home(FAMILY)
  expect(ok(after, 'balance').balance?.balanceFen).toBe(before.balanceFen + 3000)
  expect(ok(after, 'lastTopUp').order).toMatchObject({ orderNo, state: 'CREDITED' })
}, 30_000)

test('when the bills are paid, then the next 首页 owes nothing and the newest bill reads 已缴', async () => {
  const before = ok(await home(ARREARS), 'due').due
  if (!before) throw new Error('the arrears persona owes nothing')
  const orderNo = await resident.create(ARREARS, 'bill', before.amountDueFen)
  await pay(world, orderNo)
  await eventually(async () => {
    expect((await resident.read(ARREARS, 'bill', orderNo)).state).toBe('CREDITED')
  }, 20_000)
  const after = await home(ARREARS)
  expect(ok(after, 'due').due).toMatchObject({ amountDueFen: 0, overdue: false, payAction: null })
  expect(ok(after, 'latestBill').bill).toMatchObject({ status: 'paid', statusLabel: '已缴' })
  expect(ok(after, 'lastTopUp').order).toMatchObject({ orderNo, purpose: 'bill' })
}, 30_000)

test('when a caller has not bound the account, then 首页 answers 403 ACCOUNT_NOT_BOUND', async () => {
  const stranger = await bff.login()
  const res = await request(bff.url)
    .get(`/api/v1/accounts/${IOT}/home`)
    .set('authorization', `Bearer ${stranger.token}`)
  expect(res.status).toBe(403)
  const { error } = ErrorEnvelope.parse(res.body)
  expect(error.code).toBe('ACCOUNT_NOT_BOUND')
  expect(error.message).toMatch(/[\u4e00-\u9fa5]/)
})

test('when billing answers only after 3 s, then 首页 answers with the billing sections unavailable and the rest ok', async () => {
  await world.core().post('/sandbox/faults').send({ port: 'billing', latencyMs: 3000 }).expect(200)
  try {
    const page = await home(POSTPAID)
    for (const name of BILLING_SECTIONS) {
      expect(page.sections[name]).toMatchObject({ status: 'unavailable', retryable: true })
    }
    expect(page.sections.latestBill).toMatchObject({ message: '账单信息暂时无法获取' })
    for (const name of ['account', 'balance', 'lastTopUp', 'openRepair', 'supplyStops'] as const) {
      expect(page.sections[name].status).toBe('ok')
    }
  } finally {
    await world.core().delete('/sandbox/faults/billing').expect(200)
  }
})

test('when billing fails, then only the billing sections are unavailable, and a later 首页 shows them again', async () => {
  await world.core().post('/sandbox/faults').send({ port: 'billing', errorRate: 1 }).expect(200)
  try {
    const page = await home(RURAL)
    expect(statuses(page)).toEqual({
      account: 'ok',
      balance: 'ok',
      due: 'unavailable',
      latestBill: 'unavailable',
      lastTopUp: 'ok',
      openRepair: 'ok',
      supplyStops: 'ok',
      heating: 'unavailable',
    })
  } finally {
    await world.core().delete('/sandbox/faults/billing').expect(200)
  }
  // Nothing failed was cached: once billing answers again (and its breaker has closed), so do
  // the sections.
  await eventually(async () => {
    expect(ok(await home(RURAL), 'latestBill').bill).not.toBeNull()
  }, 20_000)
}, 30_000)
