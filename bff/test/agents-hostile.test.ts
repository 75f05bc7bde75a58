import { randomUUID } from 'node:crypto'
import * as shared from '@gh/shared'
import request from 'supertest'
import { idemKey, randomNamespace } from './auth-fakes'
import { offerInspectionSlots } from './agent-fakes'
import { FakeCustomers, holder } from './fake-customers'
import { registeredRoutes, startBff, type TestBff } from './harness'
import { fastPayments, paymentFakes, testAccounts, type PaymentFakes } from './payment-fakes'
import { AgentProxyStore } from '../src/agents/agent-proxy-store'
import type { CustomerAccount } from '../src/upstream/customers/customers-port'

/**
 * The workbench and 代办 probed as an attacker (or a careless agent) would: wrong principals,
 * other areas and teams, guessing codes, racing and replaying confirmations, tampered amounts,
 * odd input, formula cells in the audit export. In-memory CIS and payment fakes, the BFF clock
 * pinned. Accounts: A (prepaid, DC01), B (IC card, XC01), P (postpaid owing 123.45 元, DC01),
 * O (prepaid owing, DC02), S (prepaid, DC03).
 */
const accountA = holder
const accountB: CustomerAccount = {
  ...holder,
  accountNo: testAccounts.ic,
  kind: 'ic_prepaid',
  holderName: '李秀英',
  phone: '13900001111',
  areaCode: 'XC01',
}
const accountP: CustomerAccount = {
  ...holder,
  accountNo: testAccounts.postpaid,
  kind: 'postpaid_gas',
  holderName: '赵国庆',
  phone: '13900002222',
  areaCode: 'DC01',
}
const accountO: CustomerAccount = {
  ...holder,
  accountNo: testAccounts.owing,
  holderName: '钱多多',
  phone: '13900003333',
  areaCode: 'DC02',
}
const accountS: CustomerAccount = {
  ...holder,
  accountNo: testAccounts.suspended,
  holderName: '孙悟',
  phone: '13900004444',
  areaCode: 'DC03',
}
const PINNED = new Date('2026-11-20T02:00:00.000Z')
const clock = PINNED
let bff: TestBff
let fakes: PaymentFakes
const tokens: Record<string, string> = {}

const AGENTS = [
  { loginName: 'kf01', displayName: '客服 张丽', role: 'csr', team: '客服中心', areas: [] },
  { loginName: 'kf02', displayName: '客服 0232', role: 'csr', team: '客服中心', areas: [] },
  { loginName: 'pq01', displayName: '片区专员 李强', role: 'area', team: 'T1', areas: ['DC01'] },
  { loginName: 'pq02', displayName: '片区专员 王芳', role: 'area', team: 'T2', areas: ['XC01'] },
  { loginName: 'zg02', displayName: '主管 赵敏', role: 'supervisor', team: 'T2', areas: [] },
  { loginName: 'zg01', displayName: '主管 钱进', role: 'supervisor', team: 'T1', areas: [] },
] as const
const password = (loginName: string) => `${loginName}-test-Passw0rd`

const as = (token: string) => ({ authorization: `Bearer ${token}` })
const api = () => request(bff.url)
const agent = (name: string) => as(tokens[name] ?? '')

const inspection = (accountNo: string) => ({
  kind: 'book_inspection',
  accountNo,
  slot: { date: '2026-11-23', window: 'am' },
})

function propose(name: string, body: object, key = idemKey()) {
  return api()
    .post('/api/v1/agent/proxy-requests')
    .set(agent(name))
    .set('idempotency-key', key)
    .send(body)
}

let ipSeq = 0
/** A caller address of its own (behind one trusted proxy), unless a test shares one on purpose. */
const freshIp = () => `10.9.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`

function confirm(
  token: string,
  accountNo: string,
  id: string,
  body: object,
  opts: { key?: string; ip?: string } = {},
) {
  return api()
    .post(`/api/v1/accounts/${accountNo}/proxy-requests/${id}/confirm`)
    .set(as(token))
    .set('idempotency-key', opts.key ?? idemKey())
    .set('x-forwarded-for', opts.ip ?? freshIp())
    .send(body)
}

/** Accounts only the rate-limit probes use, so their counters start at nothing. */
const spare = (n: number): CustomerAccount => ({
  ...holder,
  accountNo: `10000000${10 + n}`,
  holderName: `测试${n}`,
  phone: `1390000${String(5000 + n)}`,
})
const SPARES = Array.from({ length: 7 }, (_, i) => spare(i))

async function residentOf(...accountNos: string[]): Promise<{ token: string; userId: string }> {
  const resident = await bff.login()
  for (const accountNo of accountNos) await bff.bind(resident.userId, accountNo)
  return resident
}

/** The code as a number of its own, not six digits inside a timestamp or an id. */
const standalone = (code: string) => new RegExp(`(?<![\\dA-Za-z])${code}(?![\\dA-Za-z])`)

/** A code that is certainly not the right one: one digit changed. */
const altered = (code: string, by = 1) => `${code.slice(0, 5)}${(Number(code[5]) + by) % 10}`

async function rowsOf(table: string, where = 'TRUE', params: unknown[] = []) {
  return bff.container.db.query<Record<string, unknown>[]>(
    `SELECT * FROM ${table} WHERE ${where}`,
    params,
  )
}

beforeAll(async () => {
  fakes = paymentFakes(() => clock)
  bff = await startBff({
    ports: {
      customers: new FakeCustomers([accountA, accountB, accountP, accountO, accountS, ...SPARES]),
      payments: fakes.ports,
      wxaCodes: null,
    },
    payments: fastPayments,
    env: { RATE_LIMIT_NAMESPACE: randomNamespace(), TRUST_PROXY_HOPS: '1' },
    now: () => clock,
  })
  offerInspectionSlots(bff, ['2026-11-23', '2026-11-24'])
  const prepaid = fakes.accounts.accounts.get(testAccounts.iot)
  if (!prepaid) throw new Error('prepaid fixture missing')
  for (const s of SPARES) fakes.accounts.accounts.set(s.accountNo, prepaid)
  for (const a of AGENTS) {
    await bff.container.agents.service.createAgent({
      ...a,
      areas: [...a.areas],
      password: password(a.loginName),
    })
    const res = await api()
      .post('/api/v1/agent/session')
      .send({ loginName: a.loginName, password: password(a.loginName) })
    expect(res.status).toBe(201)
    tokens[a.loginName] = res.body.token as string
  }
}, 30_000)
afterAll(async () => {
  await bff?.close()
})

describe('principals', () => {
  test('when a resident’s token, no token or a forged agent token calls any registered agent route, then 401 or 403 and nothing is made', async () => {
    const resident = await residentOf(accountA.accountNo)
    const routes = registeredRoutes(bff.bff).filter(
      (r) => r.path.startsWith('/api/v1/agent/') && r.path !== '/api/v1/agent/session',
    )
    expect(routes.length).toBeGreaterThanOrEqual(9)
    const query = '?q=1000000001&from=2026-11-01T00:00:00%2B08:00&to=2026-11-02T00:00:00%2B08:00'
    const credentials = [as(resident.token), {}, as('agt_forged-token-that-was-never-issued')]
    for (const route of routes) {
      const path = route.path.replace(':account', accountA.accountNo)
      for (const method of route.methods) {
        for (const headers of credentials) {
          const call = api()
            [method.toLowerCase() as 'get' | 'post'](`${path}${query}`)
            .set(headers)
            .set('idempotency-key', idemKey())
          const res =
            method === 'POST' ? await call.send(inspection(accountA.accountNo)) : await call
          expect({ route: `${method} ${path}`, refused: [401, 403].includes(res.status) }).toEqual({
            route: `${method} ${path}`,
            refused: true,
          })
        }
      }
    }
    expect(await rowsOf('agent_proxy_requests')).toEqual([])
    expect(await rowsOf('agent_tasks')).toEqual([])
  })

  test('when an agent’s token calls any resident route, then 401', async () => {
    const residentRoutes = (Object.values(shared) as unknown[]).filter(
      (v): v is { method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: string } =>
        typeof v === 'object' &&
        v !== null &&
        'path' in v &&
        'method' in v &&
        (v as { auth?: unknown }).auth === 'user',
    )
    expect(residentRoutes.length).toBeGreaterThanOrEqual(10)
    for (const route of residentRoutes) {
      const path = route.path
        .replace(':accountNo', accountA.accountNo)
        .replace(/:id\b/, randomUUID())
        .replace(/:\w+/g, 'x')
      const res = await api()
        [route.method](`/api/v1${path}`)
        .set(agent('kf01'))
        .set('idempotency-key', idemKey())
        .send(route.method === 'get' ? undefined : { code: '123456', channel: 'h5' })
      expect({ route: `${route.method} ${path}`, status: res.status }).toEqual({
        route: `${route.method} ${path}`,
        status: 401,
      })
    }
  })
})

describe('scope', () => {
  test('when an area agent of another area works on an account, then it is not found, cannot be viewed, tasked or proxied, and nothing is made', async () => {
    const find = await api()
      .post('/api/v1/agent/account-searches')
      .send({ q: `${accountA.accountNo}` })
      .set(agent('pq02'))
    expect(find.body.items).toEqual([])
    const byPhone = await api()
      .post('/api/v1/agent/account-searches')
      .send({ q: `${accountA.phone}` })
      .set(agent('pq02'))
    expect(byPhone.body.items).toEqual([])
    const view = await api().get(`/api/v1/agent/accounts/${accountA.accountNo}`).set(agent('pq02'))
    expect(view.status).toBe(403)
    const task = await api()
      .post('/api/v1/agent/tasks')
      .set(agent('pq02'))
      .set('idempotency-key', idemKey())
      .send({ accountNo: accountA.accountNo, kind: 'bind_account' })
    expect(task.status).toBe(403)
    for (const body of [
      inspection(accountA.accountNo),
      { kind: 'top_up', accountNo: accountA.accountNo, amountFen: 3000 },
      { kind: 'pay_bill', accountNo: accountP.accountNo },
    ]) {
      const res = await propose('pq02', body)
      expect(res.status).toBe(403)
      expect(res.body.error.code).toBe('AGENT_OUT_OF_SCOPE')
    }
    const pq02 = await bff.container.agents.store.byLoginName('pq02')
    expect(await rowsOf('agent_tasks', 'agent_id = $1', [pq02?.id])).toEqual([])
    expect(await rowsOf('agent_proxy_requests', 'agent_id = $1', [pq02?.id])).toEqual([])
    // Each reach beyond the areas is on the record for a supervisor.
    const refused = await rowsOf('agent_audit', `agent_id = $1 AND action = 'out_of_scope'`, [
      pq02?.id,
    ])
    expect(refused).toHaveLength(5)
    expect(refused.map((r) => r.account_no)).toContain(accountA.accountNo)
  })

  test('when a supervisor of another team works on an account, then it is refused like an unknown one; their own team’s account is served', async () => {
    const find = await api()
      .post('/api/v1/agent/account-searches')
      .send({ q: `${accountA.accountNo}` })
      .set(agent('zg02'))
    expect(find.body.items).toEqual([])
    const view = await api().get(`/api/v1/agent/accounts/${accountA.accountNo}`).set(agent('zg02'))
    expect(view.status).toBe(403)
    const proxied = await propose('zg02', inspection(accountA.accountNo))
    expect(proxied.status).toBe(403)
    const unknown = await propose('zg02', inspection('1999999999'))
    expect(unknown.status).toBe(403)
    expect(unknown.body.error).toEqual({ ...proxied.body.error, requestId: expect.any(String) })

    const own = await api()
      .post('/api/v1/agent/account-searches')
      .send({ q: `${accountB.accountNo}` })
      .set(agent('zg02'))
    expect(own.body.items).toEqual([expect.objectContaining({ accountNo: accountB.accountNo })])
  })

  test('when an agent searches a phone outside their scope, then the answer is the same as for an unknown phone, and both searches are audited masked', async () => {
    const outside = await api()
      .post('/api/v1/agent/account-searches')
      .send({ q: `${accountB.phone}` })
      .set(agent('pq01'))
    const unknown = await api()
      .post('/api/v1/agent/account-searches')
      .send({ q: '13700000000' })
      .set(agent('pq01'))
    expect(outside.status).toBe(201)
    expect(outside.body).toEqual(unknown.body)
    const pq01 = await bff.container.agents.store.byLoginName('pq01')
    const audit = await rowsOf('agent_audit', `agent_id = $1 AND action = 'search'`, [pq01?.id])
    expect(audit.map((r) => r.detail)).toEqual(
      expect.arrayContaining(['手机 139****1111', '手机 137****0000']),
    )
    expect(JSON.stringify(audit)).not.toContain(accountB.phone)
  })

  test('when an agent keeps searching phone numbers or opening account numbers, then both are limited per agent with 429', async () => {
    /** Counts the statuses of `n` calls, twenty at a time. */
    async function burst(n: number, call: (i: number) => request.Test) {
      const counts: Record<number, number> = {}
      for (let from = 0; from < n; from += 20) {
        const batch = Array.from({ length: Math.min(20, n - from) }, (_, i) => call(from + i))
        for (const res of await Promise.all(batch))
          counts[res.status] = (counts[res.status] ?? 0) + 1
      }
      return counts
    }
    const searches = await burst(70, (i) =>
      api()
        .post('/api/v1/agent/account-searches')
        .send({ q: `1370000${String(i).padStart(4, '0')}` })
        .set(agent('kf02')),
    )
    expect(searches).toEqual({ 201: 60, 429: 10 })
    // Opening account numbers one by one is bounded too.
    const views = await burst(130, (i) =>
      api()
        .get(`/api/v1/agent/accounts/19${String(i).padStart(8, '0')}`)
        .set(agent('kf02')),
    )
    expect(views).toEqual({ 403: 120, 429: 10 })
    // Other agents keep working.
    const other = await api()
      .post('/api/v1/agent/account-searches')
      .send({ q: `${accountA.accountNo}` })
      .set(agent('kf01'))
    expect(other.status).toBe(201)
  })
})

describe('codes', () => {
  test('when a dozen wrong codes race on one request, then exactly five count, the request locks, and the right code no longer helps', async () => {
    const resident = await residentOf(accountS.accountNo)
    const sent = await propose('kf01', inspection(accountS.accountNo))
    expect(sent.status).toBe(201)
    const { id } = sent.body.request as { id: string }
    const code = sent.body.code as string
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        confirm(resident.token, accountS.accountNo, id, { code: altered(code, (i % 9) + 1) }),
      ),
    )
    const codes = answers.map((r) => r.body.error?.code as string)
    expect(codes.filter((c) => c === 'PROXY_CODE_WRONG')).toHaveLength(4)
    expect(codes.filter((c) => c === 'PROXY_CODE_LOCKED').length).toBeGreaterThanOrEqual(1)
    expect(
      codes.every((c) => ['PROXY_CODE_WRONG', 'PROXY_CODE_LOCKED', 'RATE_LIMITED'].includes(c)),
    ).toBe(true)
    const [row] = await rowsOf('agent_proxy_requests', 'id = $1', [id])
    expect(row).toMatchObject({ status: 'locked' })
    expect(Number(row?.tries)).toBe(5)
    const late = await confirm(resident.token, accountS.accountNo, id, { code })
    expect(late.status).toBeGreaterThanOrEqual(409)
    expect(late.body.error.code).not.toBe('PROXY_CODE_WRONG')
  })

  test('when one resident guesses across many fresh requests, then they are stopped per resident, even with the right code', async () => {
    // Each request allows five tries, and an agent can start new ones: the resident's total is capped.
    const resident = await residentOf(accountO.accountNo)
    let stopped: request.Response | undefined
    let wrong = 0
    for (let round = 0; round < 6 && !stopped; round++) {
      const sent = await propose('kf01', inspection(accountO.accountNo))
      expect(sent.status).toBe(201)
      const { id } = sent.body.request as { id: string }
      for (let i = 0; i < 5 && !stopped; i++) {
        const res = await confirm(resident.token, accountO.accountNo, id, {
          code: altered(sent.body.code as string, i + 1),
        })
        if (res.status === 429) stopped = res
        else wrong++
      }
    }
    expect(stopped?.body.error.code).toBe('RATE_LIMITED')
    expect(stopped?.body.error.message).toMatch(/^验证码尝试次数过多，请于 .+ 后再试/)
    expect(wrong).toBeLessThanOrEqual(10)
    // The right code of a fresh request is refused too while the lock lasts.
    const fresh = await propose('kf01', inspection(accountO.accountNo))
    const right = await confirm(resident.token, accountO.accountNo, fresh.body.request.id, {
      code: fresh.body.code,
    })
    expect(right.status).toBe(429)
    // Another resident of the same household is held too: the account is being guessed.
    const other = await residentOf(accountO.accountNo)
    const theirs = await confirm(other.token, accountO.accountNo, fresh.body.request.id, {
      code: altered(fresh.body.code as string),
    })
    expect(theirs.status).toBe(429)
  })

  test('when a resident confirms with the right code, then the attempt does not count against them', async () => {
    const [x, y] = [SPARES[0]?.accountNo ?? '', SPARES[1]?.accountNo ?? '']
    const resident = await residentOf(x, y)
    // Two wrong and one right, four times: twelve attempts, eight of them wrong.
    for (const accountNo of [x, x, y, y]) {
      const sent = await propose('kf01', { kind: 'top_up', accountNo, amountFen: 3000 })
      expect(sent.status).toBe(201)
      const { id } = sent.body.request as { id: string }
      for (const by of [1, 2]) {
        const wrong = await confirm(resident.token, accountNo, id, {
          code: altered(sent.body.code as string, by),
          channel: 'h5',
        })
        expect(wrong.body.error.code).toBe('PROXY_CODE_WRONG')
      }
      const res = await confirm(resident.token, accountNo, id, {
        code: sent.body.code,
        channel: 'h5',
      })
      expect(res.status).toBe(201)
    }
  })

  test('when one address guesses for many residents and accounts, then it is stopped per address', async () => {
    const ip = '10.66.0.1'
    const accounts = SPARES.slice(2, 6).map((s) => s.accountNo)
    let wrong = 0
    let stopped: request.Response | undefined
    for (const accountNo of accounts) {
      const resident = await residentOf(accountNo)
      for (let round = 0; round < 2 && !stopped; round++) {
        const sent = await propose('kf01', inspection(accountNo))
        expect(sent.status).toBe(201)
        for (let i = 0; i < 5 && !stopped; i++) {
          const res = await confirm(
            resident.token,
            accountNo,
            sent.body.request.id as string,
            { code: altered(sent.body.code as string, i + 1) },
            { ip },
          )
          if (res.status === 429) stopped = res
          else wrong++
        }
      }
    }
    expect(stopped?.body.error.code).toBe('RATE_LIMITED')
    expect(wrong).toBe(30)
  })

  test('when codes are made, tried and confirmed, then neither the code nor any token reaches the logs, the audit, the metrics or the agent’s list', async () => {
    const resident = await residentOf(accountA.accountNo)
    const sent = await propose('kf01', {
      kind: 'top_up',
      accountNo: accountA.accountNo,
      amountFen: 3000,
    })
    expect(sent.status).toBe(201)
    const code = sent.body.code as string
    const wrong = await confirm(resident.token, accountA.accountNo, sent.body.request.id, {
      code: altered(code),
      channel: 'h5',
    })
    expect(JSON.stringify(wrong.body)).not.toMatch(standalone(code))
    const ok = await confirm(resident.token, accountA.accountNo, sent.body.request.id, {
      code,
      channel: 'h5',
    })
    expect(ok.status).toBe(201)
    expect(JSON.stringify(ok.body)).not.toMatch(standalone(code))

    const list = await api().get('/api/v1/agent/proxy-requests?status=all').set(agent('kf01'))
    expect(JSON.stringify(list.body)).not.toMatch(standalone(code))
    expect(list.body.items[0]).not.toHaveProperty('code')
    expect(list.body.items[0]).not.toHaveProperty('codeHash')
    const residentList = await api()
      .get(`/api/v1/accounts/${accountA.accountNo}/proxy-requests`)
      .set(as(resident.token))
    expect(JSON.stringify(residentList.body)).not.toMatch(/codeHash|code_hash/)

    const audit = await rowsOf('agent_audit')
    expect(JSON.stringify(audit)).not.toMatch(standalone(code))
    const metrics = await api().get('/metrics')
    expect(metrics.status).toBe(200)
    expect(metrics.text).not.toMatch(standalone(code))
    const logs = bff.logs.join('\n')
    expect(logs).not.toMatch(standalone(code))
    for (const token of [...Object.values(tokens), resident.token]) {
      expect(logs).not.toContain(token)
      expect(metrics.text).not.toContain(token)
    }
  })
})

describe('confirmation', () => {
  test('when someone else’s request id is confirmed on one’s own bound account, then 404, and on their account 403', async () => {
    const owner = await residentOf(accountA.accountNo)
    const stranger = await residentOf(accountP.accountNo)
    const sent = await propose('kf01', inspection(accountA.accountNo))
    const mine = await confirm(stranger.token, accountP.accountNo, sent.body.request.id, {
      code: sent.body.code,
    })
    expect(mine.status).toBe(404)
    expect(mine.body.error.code).toBe('PROXY_REQUEST_NOT_FOUND')
    const theirs = await confirm(stranger.token, accountA.accountNo, sent.body.request.id, {
      code: sent.body.code,
    })
    expect(theirs.status).toBe(403)
    // Still pending, with every try left, for its own account.
    const list = await api()
      .get(`/api/v1/accounts/${accountA.accountNo}/proxy-requests`)
      .set(as(owner.token))
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ id: sent.body.request.id, triesLeft: 5 }),
    )
  })

  test('when the agent reissues the code while the old one is being checked, then the old code cannot confirm', async () => {
    const accountNo = SPARES[1]?.accountNo ?? ''
    const key = idemKey()
    const first = await propose('kf01', inspection(accountNo), key)
    const { id } = first.body.request as { id: string }
    const proxies = new AgentProxyStore(bff.container.db)
    const checked = await proxies.get(id)
    const again = await propose('kf01', inspection(accountNo), key)
    expect(again.body.request.id).toBe(id)
    if (!checked) throw new Error('request not stored')
    // The hash read before the reissue no longer claims the request (unless, one time in a
    // million, the new code is the old one).
    const claimed = await proxies.claim(id, randomUUID(), clock, checked.codeHash)
    expect(claimed).toBe(again.body.code === first.body.code)
    if (!claimed) expect((await proxies.get(id))?.status).toBe('pending')
  })

  test('when two phones confirm at once, or a confirmation is replayed, then one order is made and the rest are refused or answered the same', async () => {
    const first = await residentOf(accountA.accountNo)
    const second = await residentOf(accountA.accountNo)
    const sent = await propose('kf01', {
      kind: 'top_up',
      accountNo: accountA.accountNo,
      amountFen: 4000,
    })
    const { id } = sent.body.request as { id: string }
    const body = { code: sent.body.code as string, channel: 'h5' }
    const key = idemKey()
    const [a, b] = await Promise.all([
      confirm(first.token, accountA.accountNo, id, body, { key }),
      confirm(second.token, accountA.accountNo, id, body),
    ])
    const statuses = [a.status, b.status].sort()
    expect(statuses).toEqual([201, 409])
    const orders = await rowsOf('payment_orders', `account_no = $1 AND idempotency_key = $2`, [
      accountA.accountNo,
      `proxy-${id}`,
    ])
    expect(orders).toHaveLength(1)
    if (a.status === 201) {
      const replay = await confirm(first.token, accountA.accountNo, id, body, { key })
      expect(replay.status).toBe(201)
      expect(replay.body.order.orderNo).toBe(a.body.order.orderNo)
    }
    const again = await confirm(first.token, accountA.accountNo, id, body)
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('PROXY_REQUEST_USED')
    expect(await rowsOf('payment_orders', `idempotency_key = $1`, [`proxy-${id}`])).toHaveLength(1)
  })
})

describe('careless agent', () => {
  test('when an agent reuses a key for another amount or slot, then it is refused and the first request and its code stand', async () => {
    const resident = await residentOf(SPARES[6]?.accountNo ?? '')
    const accountNo = SPARES[6]?.accountNo ?? ''
    const key = idemKey()
    const first = await propose('kf01', { kind: 'top_up', accountNo, amountFen: 3000 }, key)
    expect(first.status).toBe(201)
    const changed = await propose('kf01', { kind: 'top_up', accountNo, amountFen: 5000 }, key)
    expect(changed.status).toBe(422)
    expect(changed.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(JSON.stringify(changed.body)).not.toMatch(/"code":"\d{6}"/)

    const bookingKey = idemKey()
    const booked = await propose('kf01', inspection(accountNo), bookingKey)
    expect(booked.status).toBe(201)
    const moved = await propose(
      'kf01',
      { ...inspection(accountNo), slot: { date: '2026-11-24', window: 'pm' } },
      bookingKey,
    )
    expect(moved.status).toBe(422)

    const ok = await confirm(resident.token, accountNo, first.body.request.id as string, {
      code: first.body.code,
      channel: 'h5',
    })
    expect(ok.status).toBe(201)
    expect(ok.body.order.amountFen).toBe(3000)
  })
})

describe('amounts', () => {
  test('when an amount is negative, zero, fractional, text, huge or given in 元, then it is refused and nothing is made', async () => {
    const before = (await rowsOf('agent_proxy_requests')).length
    const malformed = [-1, 0, 1.5, '12345', Number.MAX_SAFE_INTEGER + 2, null, true]
    for (const amountFen of malformed) {
      for (const kind of ['pay_bill', 'top_up']) {
        const res = await propose('kf01', { kind, accountNo: accountP.accountNo, amountFen })
        expect({ kind, amountFen, status: res.status }).toEqual({ kind, amountFen, status: 400 })
      }
    }
    // 123.45 元 is 12345 分: 123 (the 元 figure), one fen more or a fortune is not what is owed.
    for (const amountFen of [123, 12346, 12344, 1e15]) {
      const res = await propose('kf01', {
        kind: 'pay_bill',
        accountNo: accountP.accountNo,
        amountFen,
      })
      expect(res.status).toBe(422)
      expect(res.body.error.message).toBe('缴费金额应为待缴金额¥123.45')
    }
    const topUpTooBig = await propose('kf01', {
      kind: 'top_up',
      accountNo: accountA.accountNo,
      amountFen: 500_001,
    })
    expect(topUpTooBig.status).toBe(400)
    const postpaidTopUp = await propose('kf01', {
      kind: 'top_up',
      accountNo: accountP.accountNo,
      amountFen: 3000,
    })
    expect(postpaidTopUp.status).toBe(422)
    const nothingOwed = await propose('kf01', { kind: 'pay_bill', accountNo: accountA.accountNo })
    expect(nothingOwed.status).toBe(422)
    expect(nothingOwed.body.error.code).toBe('PROXY_NOTHING_DUE')
    expect(await rowsOf('agent_proxy_requests')).toHaveLength(before)
  })

  test('when the bill changes between the agent’s request and the resident’s code, then the old amount is not charged', async () => {
    const resident = await residentOf(accountP.accountNo)
    const sent = await propose('kf01', { kind: 'pay_bill', accountNo: accountP.accountNo })
    expect(sent.status).toBe(201)
    expect(sent.body.request.amountFen).toBe(12345)
    const original = fakes.accounts.accounts.get(accountP.accountNo)
    if (!original) throw new Error('postpaid fixture missing')
    try {
      fakes.accounts.accounts.set(accountP.accountNo, { ...original, owedFen: 20000 })
      const raised = await confirm(resident.token, accountP.accountNo, sent.body.request.id, {
        code: sent.body.code,
        channel: 'h5',
      })
      expect(raised.status).toBe(422)
      fakes.accounts.accounts.set(accountP.accountNo, { ...original, owedFen: 0 })
      const paid = await confirm(resident.token, accountP.accountNo, sent.body.request.id, {
        code: sent.body.code,
        channel: 'h5',
      })
      expect(paid.status).toBe(422)
    } finally {
      fakes.accounts.accounts.set(accountP.accountNo, original)
    }
    expect(await rowsOf('payment_orders', 'account_no = $1', [accountP.accountNo])).toEqual([])
    const [row] = await rowsOf('agent_proxy_requests', 'id = $1', [sent.body.request.id])
    expect(row).toMatchObject({ order_no: null })
  })
})

describe('input', () => {
  test('when a 代办, task or confirmation carries unknown keys, oversize or odd fields, then 400 and nothing is made', async () => {
    const before = (await rowsOf('agent_proxy_requests')).length
    const tasksBefore = (await rowsOf('agent_tasks')).length
    const a = accountA.accountNo
    const proxyBodies: object[] = [
      { ...inspection(a), agentId: randomUUID() },
      { ...inspection(a), status: 'confirmed' },
      { kind: 'top_up', accountNo: a, amountFen: 3000, code: '000000' },
      { ...inspection(a), description: '长'.repeat(201) },
      { ...inspection(a), description: '请联系\u202e' },
      { ...inspection(a), description: { $ne: '' } },
      { ...inspection(a), accountNo: `${a}0` },
      { ...inspection(a), accountNo: [a] },
      { ...inspection(a), slot: { date: "2026-11-23'; DROP TABLE agents;--", window: 'am' } },
      { kind: 'pay_bill ', accountNo: a },
      { kind: 'report_fault', accountNo: a, repairKind: 'leak', description: 'x'.repeat(5000) },
      {},
    ]
    for (const body of proxyBodies) {
      const res = await propose('kf01', body)
      expect({ body, status: res.status }).toEqual({ body, status: 400 })
    }
    const taskBodies: object[] = [
      { accountNo: a, kind: 'bind_account', agentId: randomUUID() },
      { accountNo: a, kind: 'bind_account', landing: '/pages/orders/index?accountNo=1000000002' },
      { accountNo: a, kind: 'view_order', target: 'A'.repeat(65) },
      { accountNo: a, kind: 'view_order', target: '../orders&accountNo=1000000002' },
      { accountNo: a, kind: 'bind_account', ttlHours: 73 },
      { accountNo: a, kind: 'bind_account', ttlHours: 1.5 },
      { accountNo: a, kind: 'bind_account', ttlHours: 0 },
      { accountNo: a, kind: 'steal' },
    ]
    for (const body of taskBodies) {
      const res = await api()
        .post('/api/v1/agent/tasks')
        .set(agent('kf01'))
        .set('idempotency-key', idemKey())
        .send(body)
      expect({ body, status: res.status }).toEqual({ body, status: 400 })
    }
    const login = await api()
      .post('/api/v1/agent/session')
      .send({ loginName: 'kf01', password: password('kf01'), role: 'supervisor' })
    expect(login.status).toBe(400)
    expect(await rowsOf('agent_proxy_requests')).toHaveLength(before)
    expect(await rowsOf('agent_tasks')).toHaveLength(tasksBefore)

    const resident = await residentOf(accountP.accountNo)
    const sent = await propose('kf01', inspection(accountP.accountNo))
    const { id } = sent.body.request as { id: string }
    for (const body of [
      { code: '12345' },
      { code: '1234567' },
      { code: '12345a' },
      { code: '１２３４５６' },
      { code: '١٢٣٤٥٦' },
      { code: 123456 },
      { code: [sent.body.code] },
      { code: sent.body.code, tries: 0 },
      { code: sent.body.code, channel: 'cash' },
    ]) {
      const res = await confirm(resident.token, accountP.accountNo, id, body)
      expect({ body, status: res.status }).toEqual({ body, status: 400 })
    }
    const badId = await confirm(resident.token, accountP.accountNo, 'not-a-uuid', {
      code: sent.body.code,
    })
    expect(badId.status).toBe(400)
    const search = await api()
      .post('/api/v1/agent/account-searches')
      .send({ q: `${'1'.repeat(21)}` })
      .set(agent('kf01'))
    expect(search.status).toBe(400)
    // None of these spent a try of the real request.
    const list = await api()
      .get(`/api/v1/accounts/${accountP.accountNo}/proxy-requests`)
      .set(as(resident.token))
    expect(list.body.items).toContainEqual(expect.objectContaining({ id, triesLeft: 5 }))
  })
})

describe('tasks and audit', () => {
  test('when a task is sent, then its scene is a short signed id of at most 32 characters carrying no account, agent or task id, and an altered scene is refused', async () => {
    const res = await api()
      .post('/api/v1/agent/tasks')
      .set(agent('pq01'))
      .set('idempotency-key', idemKey())
      .send({ accountNo: accountA.accountNo, kind: 'bind_account' })
    expect(res.status).toBe(201)
    const scene = res.body.scene as string
    expect(scene.length).toBeLessThanOrEqual(32)
    expect(scene).toMatch(/^[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{12}$/)
    const pq01 = await bff.container.agents.store.byLoginName('pq01')
    for (const secretish of [accountA.accountNo, pq01?.id ?? '', res.body.taskId as string]) {
      expect(scene).not.toContain(secretish)
    }
    const [stored] = await rowsOf('agent_tasks', 'id = $1', [res.body.taskId])
    expect(JSON.stringify(stored)).not.toContain(scene)
    expect(bff.logs.join('\n')).not.toContain(scene)

    const ok = await api().get(`/api/v1/scene/${scene}`)
    expect(ok.status).toBe(200)
    const last = scene.at(-1) === 'A' ? 'B' : 'A'
    const forged = await api().get(`/api/v1/scene/${scene.slice(0, -1)}${last}`)
    expect(forged.status).toBeGreaterThanOrEqual(400)
    expect(forged.body.error.message).toBe('链接已失效，请联系客服重新发送')
    const long = await api().get(`/api/v1/scene/${scene}xxxx`)
    expect(long.status).toBe(400)
    // The scene is the link itself: resolving it, rightly or not, leaves no trace of it.
    const logs = bff.logs.join('\n')
    expect(logs).not.toContain(scene)
    expect(logs).not.toContain(scene.split('.')[0])
  })

  test('when audit cells start with a formula character, then the CSV export defuses every one', async () => {
    const searched = await api()
      .post('/api/v1/agent/account-searches')
      .send({ q: `${accountA.accountNo}` })
      .set(agent('pq01'))
      .set('x-request-id', '-2-3-cmd-calc')
    expect(searched.status).toBe(201)
    const pq01 = await bff.container.agents.store.byLoginName('pq01')
    if (!pq01) throw new Error('pq01 missing')
    const leads = ['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x","y")']
    for (const detail of leads) {
      await bff.container.agents.store.audit(
        {
          agentId: pq01.id,
          loginName: pq01.loginName,
          action: 'search',
          accountNo: null,
          detail,
          requestId: `probe-${leads.indexOf(detail)}`,
        },
        clock,
      )
    }
    const csv = await api()
      .get(
        '/api/v1/agent/audit.csv?from=2026-11-20T00:00:00%2B08:00&to=2026-11-21T00:00:00%2B08:00',
      )
      .set(agent('zg01'))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => done(null, Buffer.concat(chunks)))
      })
    expect(csv.status).toBe(200)
    const text = (csv.body as Buffer).toString('utf8')
    expect(text).toContain(`"'-2-3-cmd-calc"`)
    for (const detail of leads) {
      expect(text).toContain(`"'${detail.replace(/"/g, '""')}"`)
    }
    // No cell opens with a formula character once the quote is read.
    expect(text).not.toMatch(/(^|,)"[=+\-@\t\r]/m)
  })
})
