import { agentRoutes } from '@gh/shared'
import jsQR from 'jsqr'
import sharp from 'sharp'
import request from 'supertest'
import { idemKey, randomNamespace } from './auth-fakes'
import { FakeCustomers, holder } from './fake-customers'
import { startBff, type TestBff } from './harness'
import type { CustomerAccount } from '../src/upstream/customers/customers-port'

/** The workbench against an in-memory CIS: A in area DC01, B in XC01; the BFF clock is pinned. */
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
  { loginName: 'kf01', displayName: '客服 0231', role: 'csr', team: '客服中心', areas: [] },
  { loginName: 'pq01', displayName: '片区专员 李强', role: 'area', team: 'T1', areas: ['DC01'] },
  { loginName: 'pq02', displayName: '片区专员 王芳', role: 'area', team: 'T2', areas: ['XC01'] },
  { loginName: 'zg01', displayName: '主管 赵敏', role: 'supervisor', team: 'T1', areas: [] },
  { loginName: 'locked', displayName: '客服 0999', role: 'csr', team: '客服中心', areas: [] },
] as const
const password = (loginName: string) => `${loginName}-test-Passw0rd`

const as = (token: string) => ({ authorization: `Bearer ${token}` })
const api = () => request(bff.url)

function login(loginName: string, pass = password(loginName)) {
  return api().post('/api/v1/agent/session').send({ loginName, password: pass })
}

function sendTask(agent: string, body: object, key = idemKey()) {
  return api()
    .post('/api/v1/agent/tasks')
    .set(as(tokens[agent] ?? ''))
    .set('idempotency-key', key)
    .send(body)
}

function redeem(residentToken: string, linkToken: string) {
  return api()
    .post(`/api/v1/agent-links/${linkToken}/redeem`)
    .set(as(residentToken))
    .set('idempotency-key', idemKey())
    .send({})
}

const linkOf = (task: { miniProgramPath: string }) =>
  new URL(task.miniProgramPath, 'https://x').searchParams.get('agentLink') ?? ''

beforeAll(async () => {
  bff = await startBff({
    // No mini-program here: tasks carry the H5 code only (the sandbox suite decodes both).
    ports: { customers: new FakeCustomers([accountA, accountB]), wxaCodes: null },
    env: { RATE_LIMIT_NAMESPACE: randomNamespace() },
    now: () => clock,
  })
  for (const agent of AGENTS) {
    await bff.container.agents.service.createAgent({
      ...agent,
      areas: [...agent.areas],
      password: password(agent.loginName),
    })
  }
  for (const name of ['kf01', 'pq01', 'pq02', 'zg01']) {
    const res = await login(name)
    expect(res.status).toBe(201)
    tokens[name] = res.body.token as string
  }
}, 30_000)
afterAll(async () => {
  await bff.close()
})
afterEach(() => {
  clock = PINNED
})

test('when an agent is created, then an argon2id hash is stored, never the password', async () => {
  const rows = await bff.container.db.query<{ login_name: string; password_hash: string }[]>(
    'SELECT login_name, password_hash FROM agents',
  )
  expect(rows).toHaveLength(AGENTS.length)
  for (const row of rows) {
    expect(row.password_hash).toMatch(/^\$argon2id\$/)
    expect(row.password_hash).not.toContain(password(row.login_name))
  }
})

test('when an agent logs in, then the session is a shift long and names the agent and role', async () => {
  const me = await api()
    .get('/api/v1/agent/me')
    .set(as(tokens.pq01 ?? ''))
  expect(me.status).toBe(200)
  expect(me.body).toMatchObject({ loginName: 'pq01', role: 'area', roleLabel: '片区专员' })
  const res = await login('kf01')
  expect(Date.parse(res.body.expiresAt) - clock.getTime()).toBe(8 * 3600_000)
  const wrong = await login('kf01', 'not-the-password')
  expect(wrong.status).toBe(401)
  expect(wrong.body.error.message).toBe('工号或密码不正确')
})

test('when a login name keeps failing, then it is locked out with 429, even with the right password', async () => {
  for (let i = 0; i < 5; i++) expect((await login('locked', 'wrong-password')).status).toBe(401)
  const blocked = await login('locked')
  expect(blocked.status).toBe(429)
  expect(blocked.body.error.message).toContain('登录尝试太多')
})

test('when a resident’s token calls any agent route, then 401 or 403; an agent’s token is refused on resident routes', async () => {
  const resident = await bff.login()
  const guarded = Object.values(agentRoutes).filter((r) => r.auth === 'agent')
  expect(guarded.length).toBeGreaterThanOrEqual(7)
  for (const route of guarded) {
    const path = `/api/v1${route.path.replace(':account', accountA.accountNo)}`
    const res = await api()
      [route.method](`${path}?q=1&from=2026-11-01T00:00:00%2B08:00&to=2026-11-02T00:00:00%2B08:00`)
      .set(as(resident.token))
      .set('idempotency-key', idemKey())
      .send(route.method === 'post' ? { accountNo: accountA.accountNo, kind: 'top_up' } : undefined)
    expect([401, 403]).toContain(res.status)
  }
  const mine = await api()
    .get('/api/v1/me')
    .set(as(tokens.kf01 ?? ''))
  expect(mine.status).toBe(401)
})

test('when an area agent looks for or tasks an account outside their areas, then nothing is found and 403', async () => {
  const found = await api()
    .post('/api/v1/agent/account-searches')
    .send({ q: `${accountB.accountNo}` })
    .set(as(tokens.pq01 ?? ''))
  expect(found.status).toBe(201)
  expect(found.body.items).toEqual([])
  const view = await api()
    .get(`/api/v1/agent/accounts/${accountB.accountNo}`)
    .set(as(tokens.pq01 ?? ''))
  expect(view.status).toBe(403)
  expect(view.body.error.message).toBe('该户号不在您负责的范围内')
  const task = await sendTask('pq01', { accountNo: accountB.accountNo, kind: 'top_up' })
  expect(task.status).toBe(403)
  // A 主管 sees the areas of their team; a 客服 sees every account.
  const supervisor = await api()
    .post('/api/v1/agent/account-searches')
    .send({ q: `${accountA.accountNo}` })
    .set(as(tokens.zg01 ?? ''))
  expect(supervisor.body.items).toHaveLength(1)
  const supervisorB = await api()
    .get(`/api/v1/agent/accounts/${accountB.accountNo}`)
    .set(as(tokens.zg01 ?? ''))
  expect(supervisorB.status).toBe(403)
  const csr = await api()
    .post('/api/v1/agent/account-searches')
    .send({ q: `${accountB.accountNo}` })
    .set(as(tokens.kf01 ?? ''))
  expect(csr.body.items).toEqual([
    expect.objectContaining({
      accountNo: accountB.accountNo,
      holderNameMasked: '李**',
      phoneMasked: '139****1111',
    }),
  ])
  expect(JSON.stringify(csr.body)).not.toContain(accountB.holderName)
})

test('when an agent sends a task, then its QR code decodes to the scene, and the scene leads to the signed link', async () => {
  const res = await sendTask('pq01', { accountNo: accountA.accountNo, kind: 'top_up' })
  expect(res.status).toBe(201)
  expect(res.body).toMatchObject({ status: 'sent', kind: 'top_up', sentBy: '片区专员 李强' })
  const scene = res.body.scene as string
  expect(scene.length).toBeLessThanOrEqual(32)
  const png = Buffer.from(String(res.body.qrPng).replace(/^data:image\/png;base64,/, ''), 'base64')
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  const decoded = jsQR(new Uint8ClampedArray(data), info.width, info.height)
  expect(decoded).not.toBeNull()
  expect(new URL(decoded?.data ?? '').hash).toContain(`scene=${scene}`)
  const landing = await api().get(`/api/v1/scene/${scene}`)
  expect(landing.status).toBe(200)
  expect(landing.body.path).toBe(`/pages/bind/index?agentLink=${scene}`)
  expect(linkOf(res.body)).toBe(scene)
  // A retry of the same request sends the same task.
  const key = idemKey()
  const first = await sendTask('pq01', { accountNo: accountA.accountNo, kind: 'pay_bill' }, key)
  const again = await sendTask('pq01', { accountNo: accountA.accountNo, kind: 'pay_bill' }, key)
  expect(again.body.taskId).toBe(first.body.taskId)
})

/** Every string value in Redis under the patterns, with its key. */
async function redisText(patterns: string[]): Promise<string> {
  const { redis } = bff.container
  const out: string[] = []
  for (const match of patterns) {
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 500)
      cursor = next
      for (const key of keys) {
        const value = (await redis.type(key)) === 'string' ? await redis.get(key) : ''
        out.push(`${key} ${value ?? ''}`)
      }
    } while (cursor !== '0')
  }
  return out.join('\n')
}

test('when a task is sent again with the same key, then the same task comes back with a new working link, and no link or code image was kept in Redis', async () => {
  const key = idemKey()
  const body = { accountNo: accountA.accountNo, kind: 'top_up' }
  const first = await sendTask('pq01', body, key)
  expect(first.status).toBe(201)
  const me = await api()
    .get('/api/v1/agent/me')
    .set(as(tokens.pq01 ?? ''))
  const stored = await redisText([
    `idem:${me.body.agentId}:*`,
    `${bff.container.config.rateLimitNamespace}:*`,
  ])
  expect(stored).toContain(first.body.taskId)
  expect(stored).not.toContain(first.body.scene)
  expect(stored).not.toContain('data:image')

  const again = await sendTask('pq01', body, key)
  expect(again.status).toBe(201)
  expect(again.body).toMatchObject({ taskId: first.body.taskId, status: 'sent' })
  expect(again.body.scene).not.toBe(first.body.scene)
  expect(again.body.expiresAt).toBe(first.body.expiresAt)
  const landing = await api().get(`/api/v1/scene/${again.body.scene}`)
  expect(landing.status).toBe(200)
  // One task, not two, in the agent's list.
  const list = await api()
    .get('/api/v1/agent/tasks?status=all')
    .set(as(tokens.pq01 ?? ''))
  const ids = (list.body.items as { taskId: string }[]).filter(
    (t) => t.taskId === first.body.taskId,
  )
  expect(ids).toHaveLength(1)
  // The same key for another task is refused.
  const other = await sendTask('pq01', { ...body, kind: 'pay_bill' }, key)
  expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED')
})

test('when the resident opens a task, then they see who sent it, it binds only its own account, and the agent sees it opened', async () => {
  const sent = await sendTask('pq01', { accountNo: accountA.accountNo, kind: 'top_up' })
  const resident = await bff.login()
  const view = await api()
    .get(`/api/v1/agent-links/${linkOf(sent.body)}`)
    .set(as(resident.token))
  expect(view.body).toMatchObject({ agentName: '片区专员 李强', agentRoleLabel: '片区专员' })
  const opened = await redeem(resident.token, linkOf(sent.body))
  expect(opened.status).toBe(201)
  expect(opened.body.path).toBe(`/pages/recharge/index?accountNo=${accountA.accountNo}`)
  expect(opened.body).toMatchObject({ agentName: '片区专员 李强', agentRoleLabel: '片区专员' })
  const b = await api().get(`/api/v1/accounts/${accountB.accountNo}`).set(as(resident.token))
  expect(b.status).toBe(403)
  const list = await api()
    .get('/api/v1/agent/tasks?status=open')
    .set(as(tokens.pq01 ?? ''))
  expect(list.body.items).toContainEqual(
    expect.objectContaining({ taskId: sent.body.taskId, status: 'opened' }),
  )
})

test('when a task link is forged, altered, reused by someone else or expired, then it is refused in Chinese', async () => {
  const sent = await sendTask('kf01', {
    accountNo: accountA.accountNo,
    kind: 'top_up',
    ttlHours: 1,
  })
  const link = linkOf(sent.body)
  const [id, mac] = link.split('.')
  const resident = await bff.login()
  const forged = await redeem(resident.token, `${id}.AAAAAAAAAAAA`)
  expect(forged.status).toBe(404)
  expect(forged.body.error.message).toContain('链接已失效')
  // One character changed (never to the one it was: 1 in 64 ids ends in x).
  const last = (id ?? '').slice(15) === 'x' ? 'y' : 'x'
  const altered = await redeem(resident.token, `${(id ?? '').slice(0, 15)}${last}.${mac}`)
  expect(altered.status).toBe(404)
  expect((await api().get(`/api/v1/scene/${id}.AAAAAAAAAAAA`)).status).toBe(404)

  expect((await redeem(resident.token, link)).status).toBe(201)
  const other = await bff.login()
  const reused = await redeem(other.token, link)
  expect(reused.status).toBe(404)
  expect(reused.body.error.message).toContain('已被其他微信号使用')

  const late = await sendTask('kf01', {
    accountNo: accountA.accountNo,
    kind: 'top_up',
    ttlHours: 1,
  })
  clock = new Date(PINNED.getTime() + 3600_000 + 1000)
  const expired = await redeem(other.token, linkOf(late.body))
  expect(expired.status).toBe(404)
  expect(expired.body.error.message).toContain('链接已失效')
  expect((await api().get(`/api/v1/scene/${late.body.scene}`)).status).toBe(404)
  const all = await api()
    .get('/api/v1/agent/tasks?status=all')
    .set(as(tokens.kf01 ?? ''))
  expect(all.body.items).toContainEqual(
    expect.objectContaining({ taskId: late.body.taskId, status: 'expired' }),
  )
})

test('when a supervisor asks for the audit, then every agent action is there, also as an Excel-ready CSV; others get 403', async () => {
  const sent = await sendTask('pq01', { accountNo: accountA.accountNo, kind: 'report_fault' })
  const requestId = sent.headers['x-request-id']
  expect(requestId).toBeTruthy()
  const period = 'from=2026-11-20T00:00:00%2B08:00&to=2026-11-21T00:00:00%2B08:00'
  const rows = await api()
    .get(`/api/v1/agent/audit?${period}`)
    .set(as(tokens.zg01 ?? ''))
  expect(rows.status).toBe(200)
  expect(rows.body.items).toContainEqual(
    expect.objectContaining({
      loginName: 'pq01',
      action: 'create_task',
      accountNo: accountA.accountNo,
      detail: 'report_fault',
      requestId,
    }),
  )
  expect(rows.body.items).toContainEqual(
    expect.objectContaining({ loginName: 'zg01', action: 'login' }),
  )
  // Their own team only (T1): not 客服中心's kf01 nor T2's pq02, who logged in too.
  const logins = (rows.body.items as { loginName: string }[]).map((r) => r.loginName)
  expect(new Set(logins)).toEqual(new Set(['pq01', 'zg01']))

  const csv = await api()
    .get(`/api/v1/agent/audit.csv?${period}`)
    .set(as(tokens.zg01 ?? ''))
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => done(null, Buffer.concat(chunks)))
    })
  expect(csv.status).toBe(200)
  expect(csv.headers['content-type']).toContain('text/csv')
  const text = (csv.body as Buffer).toString('utf8')
  expect(text.startsWith('\uFEFF"时间","工号","动作","户号","详情","请求号"\r\n')).toBe(true)
  expect(text).toMatch(/"pq01","create_task","1000000001","report_fault"/)
  expect(text).not.toMatch(/"kf01"|"pq02"/)

  for (const agent of ['pq01', 'kf01']) {
    const refused = await api()
      .get(`/api/v1/agent/audit.csv?${period}`)
      .set(as(tokens[agent] ?? ''))
    expect(refused.status).toBe(403)
    expect(refused.body.error.message).toBe('只有主管可以查看')
  }
})

test('when an agent logs out, then that token answers 401 everywhere, another session of the same agent still works, and the audit says so', async () => {
  const first = await login('pq01')
  const second = await login('pq01')
  expect(first.status).toBe(201)
  const out = await api()
    .post('/api/v1/agent/logout')
    .set(as(first.body.token))
    .set('idempotency-key', idemKey())
    .send({})
  expect(out.status).toBe(201)
  expect(out.body).toEqual({ loggedOut: true })
  const after = await api().get('/api/v1/agent/me').set(as(first.body.token))
  expect(after.status).toBe(401)
  expect(after.body.error.code).toBe('SESSION_EXPIRED')
  const task = await sendTaskWith(first.body.token, {
    accountNo: accountA.accountNo,
    kind: 'report_fault',
  })
  expect(task.status).toBe(401)
  expect((await api().get('/api/v1/agent/me').set(as(second.body.token))).status).toBe(200)
  const period = 'from=2026-11-20T00:00:00%2B08:00&to=2026-11-21T00:00:00%2B08:00'
  const rows = await api()
    .get(`/api/v1/agent/audit?${period}`)
    .set(as(tokens.zg01 ?? ''))
  expect(rows.body.items).toContainEqual(
    expect.objectContaining({ loginName: 'pq01', action: 'logout' }),
  )
  // Without a session there is nothing to end.
  const anonymous = await api()
    .post('/api/v1/agent/logout')
    .set('idempotency-key', idemKey())
    .send({})
  expect(anonymous.status).toBe(401)
})

function sendTaskWith(token: string, body: object) {
  return api()
    .post('/api/v1/agent/tasks')
    .set(as(token))
    .set('idempotency-key', idemKey())
    .send(body)
}
