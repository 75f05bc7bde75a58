import { randomUUID } from 'node:crypto'
import calculateSlot from 'cluster-key-slot'
import { Redis, type Command } from 'ioredis'
import request from 'supertest'
import { sessionKeyOfToken } from '../src/auth/session-store'
import { startBff, type TestBff } from './harness'
import { FakeCustomers, holder } from './fake-customers'
import { FakeAlipay, FakeSms, FakeWechat, idemKey, randomNamespace, smsLogin } from './auth-fakes'

/*
 * Redis Cluster runs a transaction, a script or a multi-key command only when all its keys hash
 * to one slot. Every command any client in this process sends (the BFF's own, the read cache's,
 * the rate limiter's and BullMQ's) passes a check of exactly that, while the resident's
 * journeys run on one ordinary Redis.
 */

interface Violation {
  what: string
  keys: string[]
}

const violations: Violation[] = []
/** Multi-key commands, transactions and scripts seen, so a test knows the check was reached. */
let checked = 0
const open = new WeakMap<object, { keys: string[]; names: string[] }>()

function checkOneSlot(what: string, keys: string[]): void {
  if (keys.length < 2) return
  checked++
  const slots = new Set(keys.map((key) => calculateSlot(key)))
  if (slots.size > 1) violations.push({ what, keys })
}

const original = Redis.prototype.sendCommand
beforeAll(() => {
  Redis.prototype.sendCommand = function (this: Redis, command: Command, ...rest: unknown[]) {
    const name = command.name.toLowerCase()
    const keys = command.getKeys().map(String)
    const tx = open.get(this)
    if (name === 'multi') open.set(this, { keys: [], names: [] })
    else if (name === 'exec' || name === 'discard') {
      if (tx) checkOneSlot(`MULTI ${tx.names.join(' ')}`, tx.keys)
      open.delete(this)
    } else if (tx) {
      tx.keys.push(...keys)
      tx.names.push(name)
    } else {
      checkOneSlot(name, keys)
    }
    return (original as (this: Redis, ...args: unknown[]) => unknown).call(this, command, ...rest)
  } as typeof Redis.prototype.sendCommand
})
afterAll(() => {
  Redis.prototype.sendCommand = original
})

const sms = new FakeSms()
const OPS_TOKEN = `ops-${randomUUID()}`
let bff: TestBff

beforeAll(async () => {
  bff = await startBff({
    ports: {
      customers: new FakeCustomers([holder]),
      wechat: new FakeWechat(),
      alipay: new FakeAlipay(),
      sms,
    },
    env: { RATE_LIMIT_NAMESPACE: randomNamespace(), OPS_TOKEN },
  })
}, 30_000)
afterAll(async () => {
  await bff.close()
})

const api = () => request(bff.url)
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

test('when keys of two slots meet in one transaction, then the check reports it', async () => {
  const before = violations.length
  await bff.container.redis.multi().get(`a-${randomUUID()}`).get(`b-${randomUUID()}`).exec()
  expect(violations.slice(before)).toHaveLength(1)
  violations.splice(before)
})

test('when residents log in, rotate, reuse and log out, bind with replayed keys, redeem links and read through the cache, then every transaction and script stays in one cluster slot', async () => {
  // SMS code and login (rate limits, one-time code, session and the user's index).
  const login = await smsLogin(bff.url, sms)
  expect(login.res.status).toBe(201)
  const me = await api().get('/api/v1/me').set(bearer(login.token))
  expect(me.status).toBe(200)

  // Rotation, then the rotated token reused: its whole chain ends.
  const rotated = await api().post('/api/v1/auth/refresh').set(bearer(login.token)).send({})
  expect(rotated.status).toBe(201)
  const reused = await api().post('/api/v1/auth/refresh').set(bearer(login.token)).send({})
  expect(reused.status).toBe(401)
  expect(
    (
      await api()
        .get('/api/v1/me')
        .set(bearer(rotated.body.token as string))
    ).status,
  ).toBe(401)

  // A rotated token presented after its grace period ends its chain too.
  const second = await smsLogin(bff.url, sms)
  const next = await api().post('/api/v1/auth/refresh').set(bearer(second.token)).send({})
  await bff.container.redis.del(sessionKeyOfToken(second.token))
  expect((await api().get('/api/v1/me').set(bearer(second.token))).status).toBe(401)
  expect(
    (
      await api()
        .get('/api/v1/me')
        .set(bearer(next.body.token as string))
    ).status,
  ).toBe(401)

  // An idempotent request replayed with its key gets the first answer.
  const resident = await bff.login()
  const key = idemKey()
  const bind = () =>
    api()
      .post('/api/v1/bindings')
      .set(bearer(resident.token))
      .set('idempotency-key', key)
      .send({ accountNo: holder.accountNo, holderName: '王', phoneLast4: holder.phone.slice(-4) })
  const first = await bind()
  expect(first.status).toBe(201)
  const replay = await bind()
  expect(replay.status).toBe(first.status)
  expect(replay.body).toEqual(first.body)

  // An agent link issued and redeemed.
  const link = await api()
    .post('/ops/agent-links')
    .set(bearer(OPS_TOKEN))
    .set('idempotency-key', idemKey())
    .send({ accountNo: holder.accountNo, page: 'recharge', agentName: '客服 0231' })
  expect(link.status).toBe(201)
  const redeemer = await bff.login()
  const redeemed = await api()
    .post(`/api/v1/agent-links/${link.body.token as string}/redeem`)
    .set(bearer(redeemer.token))
    .set('idempotency-key', idemKey())
    .send({})
  expect(redeemed.status).toBe(201)

  // The read cache: a stampede of misses, a fill, an invalidation.
  const cacheKey = { kind: 'bills' as const, scope: `account:${randomUUID()}`, id: 'list' }
  let loads = 0
  const load = async () => {
    loads++
    await new Promise((resolve) => setTimeout(resolve, 20))
    return { owedFen: 100 }
  }
  const answers = await Promise.all(
    Array.from({ length: 5 }, () => bff.container.readCache.read(cacheKey, load)),
  )
  expect(answers).toEqual(Array.from({ length: 5 }, () => ({ owedFen: 100 })))
  expect(loads).toBe(1)
  await bff.container.readCache.invalidate(cacheKey.scope, ['bills'])

  // Logout.
  const third = await smsLogin(bff.url, sms)
  const out = await api()
    .post('/api/v1/auth/logout')
    .set(bearer(third.token))
    .set('idempotency-key', idemKey())
    .send({})
  expect(out.status).toBe(201)

  // The queue depths BullMQ answers for the metrics page.
  expect((await api().get('/metrics')).text).toContain('bff_queue_jobs')

  expect(violations).toEqual([])
  expect(checked).toBeGreaterThan(10)
}, 30_000)
