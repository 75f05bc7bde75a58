import request from 'supertest'
import { BINDING_LIMITS } from '../src/accounts/binding-attempts'
import { freshPostgres, startBff, type TestBff } from './harness'
import { FakeCustomers, holder } from './fake-customers'
import { idemKey, randomNamespace } from './auth-fakes'

/** Two BFF instances behind one load balancer: one database, one Redis. */
let a: TestBff
let b: TestBff

beforeAll(async () => {
  const env = {
    DATABASE_URL: await freshPostgres(),
    RATE_LIMIT_NAMESPACE: randomNamespace(),
    TRUST_PROXY_HOPS: '1',
  }
  a = await startBff({ ports: { customers: new FakeCustomers() }, env })
  b = await startBff({ ports: { customers: new FakeCustomers() }, env })
})
afterAll(async () => {
  await a.close()
  await b.close()
})

function bind(
  url: string,
  token: string,
  phoneLast4: string,
  ip: string,
  accountNo = holder.accountNo,
) {
  return request(url)
    .post('/api/v1/bindings')
    .set('authorization', `Bearer ${token}`)
    .set('x-forwarded-for', ip)
    .set('idempotency-key', idemKey())
    .send({ accountNo, holderName: '王', phoneLast4 })
}

test('when guesses alternate between two instances, then the user is locked out on both after the limit', async () => {
  const { token } = await a.login()
  const statuses: number[] = []
  for (let i = 0; i < BINDING_LIMITS.user.limit + 2; i++) {
    const res = await bind(i % 2 ? b.url : a.url, token, String(2000 + i), '10.3.0.1')
    statuses.push(res.status)
  }
  expect(statuses).toEqual([...Array<number>(BINDING_LIMITS.user.limit).fill(400), 429, 429])
  // The lock holds on both instances, for the right proof too.
  for (const url of [a.url, b.url]) {
    const res = await bind(url, token, holder.phone.slice(-4), '10.3.0.1')
    expect(res.status).toBe(429)
    expect(res.body.error.message).toContain('后再试')
  }
})

test('when many users guess one account in parallel on both instances, then no more than the limit get a verdict', async () => {
  const users = await Promise.all(Array.from({ length: 8 }, () => a.login()))
  const attempts = users.flatMap((u, i) =>
    Array.from({ length: 3 }, (_, j) =>
      // An account no other test touches; unknown accounts count exactly like wrong proofs.
      bind(
        j % 2 ? a.url : b.url,
        u.token,
        String(3000 + i * 10 + j),
        `10.4.${i}.${j}`,
        '1000000077',
      ),
    ),
  )
  const statuses = (await Promise.all(attempts)).map((r) => r.status)
  expect(statuses.filter((s) => s === 400)).toHaveLength(BINDING_LIMITS.account.limit)
  expect(statuses.filter((s) => s === 429)).toHaveLength(24 - BINDING_LIMITS.account.limit)
})

test('when an account is unbound on one instance, then that instance refuses its next read at once and the other within moments', async () => {
  const { token, userId } = await a.login()
  await a.bind(userId, holder.accountNo)
  const read = (url: string) =>
    request(url).get(`/api/v1/accounts/${holder.accountNo}`).set('authorization', `Bearer ${token}`)
  // Both instances have let the user in, so both believe the binding now.
  expect((await read(a.url)).status).toBe(200)
  expect((await read(b.url)).status).toBe(200)

  const unbound = await request(a.url)
    .delete(`/api/v1/accounts/${holder.accountNo}/binding`)
    .set('authorization', `Bearer ${token}`)
    .set('idempotency-key', idemKey())
  expect(unbound.status).toBe(200)

  const here = await read(a.url)
  expect(here.status).toBe(403)
  expect(here.body.error.code).toBe('ACCOUNT_NOT_BOUND')
  // The other instance hears of it over Redis; it must refuse well before its copy would lapse.
  const started = Date.now()
  let there = await read(b.url)
  while (there.status === 200 && Date.now() - started < 1000) there = await read(b.url)
  expect(there.status).toBe(403)
})
