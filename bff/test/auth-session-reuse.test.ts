import { randomUUID } from 'node:crypto'
import request from 'supertest'
import { startBff, type TestBff } from './harness'
import { sessionKeyOfToken } from '../src/auth/session-store'
import { FakeCustomers } from './fake-customers'
import { FakeAlipay, FakeWechat, randomNamespace } from './auth-fakes'

let bff: TestBff

beforeAll(async () => {
  bff = await startBff({
    ports: { customers: new FakeCustomers(), wechat: new FakeWechat(), alipay: new FakeAlipay() },
    env: { RATE_LIMIT_NAMESPACE: randomNamespace() },
  })
})
afterAll(async () => {
  await bff.close()
})

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const refresh = (token: string) =>
  request(bff.url).post('/api/v1/auth/refresh').set(bearer(token)).send({})
const me = (token: string) => request(bff.url).get('/api/v1/me').set(bearer(token))

/** A WeChat login of a person no other test uses: a user with one chain of sessions. */
async function wechatLogin(person = randomUUID()) {
  const res = await request(bff.url)
    .post('/api/v1/auth/wechat')
    .send({ code: `sandbox-${person}` })
  expect(res.status).toBe(201)
  return { token: res.body.token as string, userId: res.body.user.id as string, person }
}

describe('refresh-token reuse', () => {
  test('when a rotated token is refreshed again, then it is refused and every session of its chain ends', async () => {
    const { token: first, userId } = await wechatLogin()
    const rotated = await refresh(first)
    expect(rotated.status).toBe(201)
    const second = rotated.body.token as string
    const third = (await refresh(second)).body.token as string
    // Requests in flight with the first token still pass during its grace period.
    expect((await me(first)).status).toBe(200)

    const reused = await refresh(first)
    expect(reused.status).toBe(401)
    expect(reused.body.error.code).toBe('SESSION_EXPIRED')
    expect(reused.body.token).toBeUndefined()
    for (const token of [first, second, third]) expect((await me(token)).status).toBe(401)
    expect(await bff.container.sessions.countActive(userId)).toBe(0)
  })

  test('when a rotated token comes back after its grace period, then every session of its chain ends', async () => {
    const { token: first, userId } = await wechatLogin()
    const second = (await refresh(first)).body.token as string
    // The grace period ending is the rotated session's key expiring.
    await bff.container.redis.del(sessionKeyOfToken(first))

    expect((await me(first)).status).toBe(401)
    expect((await me(second)).status).toBe(401)
    expect(await bff.container.sessions.countActive(userId)).toBe(0)
  })

  test('when one old token is refreshed three times, then one live session comes out of it, not four', async () => {
    const { token: old, userId } = await wechatLogin()
    const answers = []
    for (let i = 0; i < 3; i++) answers.push(await refresh(old))
    expect(answers.map((a) => a.status)).toEqual([201, 401, 401])
    expect(await bff.container.sessions.countActive(userId)).toBe(0)
  })

  test('when the same token is refreshed five times at once, then at most one new token is handed out', async () => {
    const { token: old } = await wechatLogin()
    const answers = await Promise.all(Array.from({ length: 5 }, () => refresh(old)))
    const minted = answers.filter((a) => a.status === 201).map((a) => a.body.token as string)
    expect(minted.length).toBeLessThanOrEqual(1)
    const alive = await Promise.all(minted.map(async (t) => (await me(t)).status))
    expect(alive.filter((s) => s === 200)).toHaveLength(0)
  })

  test('when a chain is revoked for reuse, then the same person’s session on another device keeps working', async () => {
    const phone = await wechatLogin()
    const tablet = await wechatLogin(phone.person)
    expect(tablet.userId).toBe(phone.userId)
    await refresh(phone.token)
    expect((await refresh(phone.token)).status).toBe(401)
    expect((await me(tablet.token)).status).toBe(200)
    expect((await refresh(tablet.token)).status).toBe(201)
  })

  test('when a rotated token is used to log in again, then no session is minted and its chain ends', async () => {
    const { token: old } = await wechatLogin()
    const next = (await refresh(old)).body.token as string
    const relogin = await request(bff.url)
      .post('/api/v1/auth/alipay')
      .set(bearer(old))
      .send({ authCode: `sandbox-${randomUUID()}` })
    expect(relogin.status).toBe(401)
    expect(relogin.body.error.code).toBe('SESSION_EXPIRED')
    expect((await me(next)).status).toBe(401)
  })

  test('when a current token logs in with another method, then it is rotated once as before', async () => {
    const { token, userId } = await wechatLogin()
    const linked = await request(bff.url)
      .post('/api/v1/auth/alipay')
      .set(bearer(token))
      .send({ authCode: `sandbox-${randomUUID()}` })
    expect(linked.status).toBe(201)
    expect(linked.body.user.id).toBe(userId)
    expect((await me(linked.body.token)).status).toBe(200)
    expect((await refresh(linked.body.token)).status).toBe(201)
  })
})
