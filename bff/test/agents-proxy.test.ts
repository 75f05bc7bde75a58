import { randomUUID } from 'node:crypto'
import { agentProxyRoutes } from '@gh/shared'
import request from 'supertest'
import { idemKey, randomNamespace } from './auth-fakes'
import { offerInspectionSlots } from './agent-fakes'
import { FakeCustomers, holder } from './fake-customers'
import { startBff, type TestBff } from './harness'
import type { CustomerAccount } from '../src/upstream/customers/customers-port'

/**
 * 代办 refusals and phone search against an in-memory CIS, with the BFF clock pinned: A in area
 * DC01, B in XC01. A booking is used where nothing must be made: its creation asks no upstream
 * beyond the CIS and the inspection slot list (stubbed here). Confirmation that makes an order is in agents-tracking.test.ts (core sandbox).
 */
const accountA = holder
const accountB: CustomerAccount = {
  ...holder,
  accountNo: '1000000002',
  holderName: '李秀英',
  phone: '13900001111',
  areaCode: 'XC01',
}
const PINNED = new Date('2026-11-20T02:00:00.000Z')
let clock = PINNED
let bff: TestBff
const tokens: Record<string, string> = {}

const AGENTS = [
  { loginName: 'kf01', displayName: '客服 张丽', role: 'csr', team: '客服中心', areas: [] },
  { loginName: 'pq01', displayName: '片区专员 李强', role: 'area', team: 'T1', areas: ['DC01'] },
] as const
const password = (loginName: string) => `${loginName}-test-Passw0rd`

const as = (token: string) => ({ authorization: `Bearer ${token}` })
const api = () => request(bff.url)

const inspection = (accountNo: string) => ({
  kind: 'book_inspection',
  accountNo,
  slot: { date: '2026-11-23', window: 'am' },
  description: '老人独居，请提前电话联系',
})

function propose(agent: string, body: object, key = idemKey()) {
  return api()
    .post('/api/v1/agent/proxy-requests')
    .set(as(tokens[agent] ?? ''))
    .set('idempotency-key', key)
    .send(body)
}

function confirm(token: string, accountNo: string, id: string, code: string) {
  return api()
    .post(`/api/v1/accounts/${accountNo}/proxy-requests/${id}/confirm`)
    .set(as(token))
    .set('idempotency-key', idemKey())
    .send({ code })
}

/** The code as a number of its own, not six digits inside a timestamp. */
const standalone = (code: string) => new RegExp(`(?<!\\d)${code}(?!\\d)`)

/** A code that is certainly not the right one: one digit changed. */
const altered = (code: string) => `${code.slice(0, 5)}${(Number(code[5]) + 1) % 10}`

beforeAll(async () => {
  bff = await startBff({
    ports: { customers: new FakeCustomers([accountA, accountB]), wxaCodes: null },
    env: { RATE_LIMIT_NAMESPACE: randomNamespace() },
    now: () => clock,
  })
  offerInspectionSlots(bff, ['2026-11-23', '2026-11-24'])
  for (const agent of AGENTS) {
    await bff.container.agents.service.createAgent({
      ...agent,
      areas: [...agent.areas],
      password: password(agent.loginName),
    })
    const res = await api()
      .post('/api/v1/agent/session')
      .send({ loginName: agent.loginName, password: password(agent.loginName) })
    expect(res.status).toBe(201)
    tokens[agent.loginName] = res.body.token as string
  }
}, 30_000)
afterAll(async () => {
  await bff.close()
})
afterEach(() => {
  clock = PINNED
})

test('when an agent searches by the holder’s full phone number, then the account is found masked within their scope only, and the search is audited masked', async () => {
  const csr = await api()
    .post('/api/v1/agent/account-searches')
    .send({ q: `${accountB.phone}` })
    .set(as(tokens.kf01 ?? ''))
  expect(csr.status).toBe(201)
  expect(csr.body.items).toEqual([
    expect.objectContaining({ accountNo: accountB.accountNo, phoneMasked: '139****1111' }),
  ])
  expect(JSON.stringify(csr.body)).not.toContain(accountB.phone)

  const outOfArea = await api()
    .post('/api/v1/agent/account-searches')
    .send({ q: `${accountB.phone}` })
    .set(as(tokens.pq01 ?? ''))
  expect(outOfArea.body.items).toEqual([])
  const inArea = await api()
    .post('/api/v1/agent/account-searches')
    .send({ q: `${accountA.phone}` })
    .set(as(tokens.pq01 ?? ''))
  expect(inArea.body.items).toEqual([expect.objectContaining({ accountNo: accountA.accountNo })])
  // The number never rides in a URL: the old query-string search is gone.
  const byQuery = await api()
    .get(`/api/v1/agent/accounts?q=${accountA.phone}`)
    .set(as(tokens.kf01 ?? ''))
  expect(byQuery.status).toBe(404)
  // Part of a number finds nothing: the search is exact.
  const partial = await api()
    .post('/api/v1/agent/account-searches')
    .send({ q: `${accountA.phone.slice(0, 10)}` })
    .set(as(tokens.kf01 ?? ''))
  expect(partial.body.items).toEqual([])

  const audit = await bff.container.db.query<{ detail: string }[]>(
    `SELECT detail FROM agent_audit WHERE action = 'search'`,
  )
  expect(audit.map((r) => r.detail)).toContain('手机 139****1111')
  expect(JSON.stringify(audit)).not.toContain(accountB.phone)
})

test('when an area agent starts 代办 for an account outside their areas, then 403 and nothing is made', async () => {
  const res = await propose('pq01', inspection(accountB.accountNo))
  expect(res.status).toBe(403)
  expect(res.body.error.message).toBe('该户号不在您负责的范围内')
  const mine = await api()
    .get('/api/v1/agent/proxy-requests')
    .set(as(tokens.pq01 ?? ''))
  expect(mine.body.items).toEqual([])
})

test('when a resident’s token calls the 代办 agent routes, then 401', async () => {
  const resident = await bff.login()
  const routes = Object.values(agentProxyRoutes)
  expect(routes.length).toBeGreaterThanOrEqual(2)
  for (const route of routes) {
    const res = await api()
      [route.method](`/api/v1${route.path}`)
      .set(as(resident.token))
      .set('idempotency-key', idemKey())
      .send(route.method === 'post' ? inspection(accountA.accountNo) : undefined)
    expect(res.status).toBe(401)
  }
})

test('when an agent starts 代办, then the code is answered once, stored only as a hash, and the bound resident sees who sent it', async () => {
  const res = await propose('kf01', inspection(accountA.accountNo))
  expect(res.status).toBe(201)
  const code = res.body.code as string
  expect(code).toMatch(/^\d{6}$/)
  expect(res.body.request).toMatchObject({ status: 'pending', kind: 'book_inspection' })
  expect(Date.parse(res.body.request.expiresAt) - clock.getTime()).toBe(10 * 60_000)

  const rows = await bff.container.db.query<Record<string, unknown>[]>(
    'SELECT * FROM agent_proxy_requests WHERE id = $1',
    [res.body.request.id],
  )
  expect(JSON.stringify(rows)).not.toContain(`"${code}"`)
  const audit = await bff.container.db.query<Record<string, unknown>[]>(
    `SELECT * FROM agent_audit WHERE action = 'create_proxy_request'`,
  )
  expect(audit).toHaveLength(1)
  expect(JSON.stringify(audit)).not.toContain(code)
  expect(bff.logs.join('\n')).not.toMatch(standalone(code))

  const resident = await bff.login()
  await bff.bind(resident.userId, accountA.accountNo)
  const list = await api()
    .get(`/api/v1/accounts/${accountA.accountNo}/proxy-requests`)
    .set(as(resident.token))
  expect(list.status).toBe(200)
  expect(list.body.items).toEqual([
    expect.objectContaining({
      id: res.body.request.id,
      kindLabel: '预约安检',
      sentByLabel: '客服 张* 为您发起',
      triesLeft: 5,
    }),
  ])
  // Someone not bound to the account sees nothing of it.
  const stranger = await bff.login()
  const refused = await api()
    .get(`/api/v1/accounts/${accountA.accountNo}/proxy-requests`)
    .set(as(stranger.token))
  expect(refused.status).toBe(403)
})

test('when the code is forged, altered, expired or tried too often, then each is refused in Chinese and the right code no longer helps', async () => {
  const resident = await bff.login()
  await bff.bind(resident.userId, accountA.accountNo)
  const sent = await propose('kf01', inspection(accountA.accountNo))
  const { id } = sent.body.request as { id: string }
  const code = sent.body.code as string

  const forged = await confirm(resident.token, accountA.accountNo, randomUUID(), code)
  expect(forged.status).toBe(404)
  expect(forged.body.error).toMatchObject({ code: 'PROXY_REQUEST_NOT_FOUND' })
  expect(forged.body.error.message).toBe('没有找到这条代办，请联系客服重新发起')

  const wrong = await confirm(resident.token, accountA.accountNo, id, altered(code))
  expect(wrong.status).toBe(400)
  expect(wrong.body.error).toMatchObject({
    code: 'PROXY_CODE_WRONG',
    message: '验证码不正确，还可以再试4次',
  })
  for (let i = 0; i < 3; i++) {
    expect((await confirm(resident.token, accountA.accountNo, id, altered(code))).status).toBe(400)
  }
  const fifth = await confirm(resident.token, accountA.accountNo, id, altered(code))
  expect(fifth.status).toBe(409)
  expect(fifth.body.error.code).toBe('PROXY_CODE_LOCKED')
  const rightTooLate = await confirm(resident.token, accountA.accountNo, id, code)
  expect(rightTooLate.body.error).toMatchObject({
    code: 'PROXY_CODE_LOCKED',
    message: '验证码输错次数太多，这条代办已失效，请联系客服重新发起',
  })

  const expiring = await propose('kf01', inspection(accountA.accountNo))
  clock = new Date(PINNED.getTime() + 10 * 60_000 + 1)
  const expired = await confirm(
    resident.token,
    accountA.accountNo,
    expiring.body.request.id as string,
    expiring.body.code as string,
  )
  expect(expired.status).toBe(410)
  expect(expired.body.error.message).toBe('验证码已过期，请联系客服重新发起')
  const agentSees = await api()
    .get('/api/v1/agent/proxy-requests?status=all')
    .set(as(tokens.kf01 ?? ''))
  const statuses = Object.fromEntries(
    (agentSees.body.items as { id: string; status: string }[]).map((r) => [r.id, r.status]),
  )
  expect(statuses[id]).toBe('locked')
  expect(statuses[expiring.body.request.id as string]).toBe('expired')
  expect(bff.logs.join('\n')).not.toMatch(standalone(code))
})

test('when a request for account A is confirmed on account B, then it is not found there, even by a resident bound to both', async () => {
  const resident = await bff.login()
  await bff.bind(resident.userId, accountA.accountNo)
  await bff.bind(resident.userId, accountB.accountNo)
  const sent = await propose('kf01', inspection(accountA.accountNo))
  const res = await confirm(
    resident.token,
    accountB.accountNo,
    sent.body.request.id as string,
    sent.body.code as string,
  )
  expect(res.status).toBe(404)
  expect(res.body.error.code).toBe('PROXY_REQUEST_NOT_FOUND')
  const onB = await api()
    .get(`/api/v1/accounts/${accountB.accountNo}/proxy-requests`)
    .set(as(resident.token))
  expect(onB.body.items).toEqual([])
})

test('when the agent repeats a request with the same key, then it is the same request with a new code, and the old code stops working', async () => {
  const key = idemKey()
  const first = await propose('kf01', inspection(accountA.accountNo), key)
  const again = await propose('kf01', inspection(accountA.accountNo), key)
  expect(again.status).toBe(201)
  expect(again.body.request.id).toBe(first.body.request.id)
  const resident = await bff.login()
  await bff.bind(resident.userId, accountA.accountNo)
  if (first.body.code !== again.body.code) {
    const old = await confirm(
      resident.token,
      accountA.accountNo,
      first.body.request.id as string,
      first.body.code as string,
    )
    expect(old.body.error.code).toBe('PROXY_CODE_WRONG')
  }
  const other = await propose('kf01', { ...inspection(accountB.accountNo) }, key)
  expect(other.status).toBe(422)
})
