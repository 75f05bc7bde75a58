import request from 'supertest'
import { ROTATION_GRACE_SECONDS, sessionKeyOfToken } from '../src/auth/session-store'
import { startBff, type TestBff } from './harness'
import { FakeCustomers } from './fake-customers'
import {
  FakeAlipay,
  FakeSms,
  FakeWechat,
  idemKey,
  randomNamespace,
  randomPhone,
  smsLogin,
} from './auth-fakes'

const sms = new FakeSms()
let bff: TestBff

beforeAll(async () => {
  bff = await startBff({
    ports: {
      customers: new FakeCustomers(),
      wechat: new FakeWechat(),
      alipay: new FakeAlipay(),
      sms,
    },
    env: { RATE_LIMIT_NAMESPACE: randomNamespace() },
  })
})
afterAll(async () => {
  await bff.close()
})

const api = () => request(bff.url)
/** Lifts this instance's 1-per-minute SMS limit, to reach what lies behind it. */
const liftMinuteLimit = async () => {
  const keys = await bff.container.redis.keys(
    `${bff.container.config.rateLimitNamespace}:sms-minute*`,
  )
  if (keys.length) await bff.container.redis.del(...keys)
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

describe('SMS login', () => {
  test('when the right code is given, then a token, its expiry in +08:00 and the masked user answer', async () => {
    const phone = randomPhone()
    const sent = await api()
      .post('/api/v1/auth/sms/send')
      .set('idempotency-key', idemKey())
      .send({ phone })
    expect(sent.status).toBe(201)
    expect(sent.body).toEqual({
      sentToMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      expiresInSeconds: 300,
      resendAfterSeconds: 60,
    })
    expect(sms.lastCode(phone)).toMatch(/^\d{6}$/)

    const res = await api()
      .post('/api/v1/auth/sms/verify')
      .send({ phone, code: sms.lastCode(phone) })
    expect(res.status).toBe(201)
    expect(res.body.expiresAt).toMatch(/\+08:00$/)
    expect(res.body.user).toMatchObject({ providers: ['phone'], phoneMasked: expect.any(String) })
    expect(JSON.stringify(res.body)).not.toContain(phone)

    const me = await api().get('/api/v1/me').set(bearer(res.body.token))
    expect(me.status).toBe(200)
    expect(me.body.id).toBe(res.body.user.id)
  })

  test('when a code is used twice, then the second time it is refused', async () => {
    const { phone } = await smsLogin(bff.url, sms)
    const again = await api()
      .post('/api/v1/auth/sms/verify')
      .send({ phone, code: sms.lastCode(phone) })
    expect(again.status).toBe(400)
    expect(again.body.error.code).toBe('SMS_CODE_EXPIRED')
    expect(again.body.error.message).toContain('重新获取')
  })

  test('when the same phone logs in twice, then it is the same user', async () => {
    const first = await smsLogin(bff.url, sms)
    await liftMinuteLimit()
    const second = await smsLogin(bff.url, sms, first.phone)
    expect(second.userId).toBe(first.userId)
    expect(second.token).not.toBe(first.token)
  })

  test('when a wrong code is tried 5 times, then the code is dead and even the right one fails', async () => {
    const phone = randomPhone()
    await api().post('/api/v1/auth/sms/send').set('idempotency-key', idemKey()).send({ phone })
    const right = sms.lastCode(phone)
    const wrong = right === '000000' ? '111111' : '000000'
    const messages: string[] = []
    for (let i = 0; i < 5; i++) {
      const res = await api().post('/api/v1/auth/sms/verify').send({ phone, code: wrong })
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('SMS_CODE_INVALID')
      messages.push(res.body.error.message)
    }
    expect(messages[0]).toContain('还可以再试4次')
    expect(messages[4]).toContain('重新获取')
    const late = await api().post('/api/v1/auth/sms/verify').send({ phone, code: right })
    expect(late.status).toBe(400)
    expect(late.body.token).toBeUndefined()
  })

  test('when a second code is asked for within a minute, then 429 says when to try again', async () => {
    const phone = randomPhone()
    const send = () =>
      api().post('/api/v1/auth/sms/send').set('idempotency-key', idemKey()).send({ phone })
    expect((await send()).status).toBe(201)
    const res = await send()
    expect(res.status).toBe(429)
    expect(res.body.error.code).toBe('RATE_LIMITED')
    expect(res.body.error.retryAfterSeconds).toBeGreaterThan(0)
    expect(res.body.error.retryAfterSeconds).toBeLessThanOrEqual(60)
    expect(res.body.error.message).toMatch(/请于 \d{2}:\d{2} 后再试/)
    expect(sms.sent.filter((m) => m.phone === phone)).toHaveLength(1)
  })

  test('when ten codes went to one phone today, then the eleventh is refused until tomorrow', async () => {
    const phone = randomPhone()
    for (let i = 0; i < 10; i++) {
      const res = await api()
        .post('/api/v1/auth/sms/send')
        .set('idempotency-key', idemKey())
        .send({ phone })
      expect(res.status).toBe(201)
      // The per-minute limit is tested above; lift it to reach the daily one.
      await liftMinuteLimit()
    }
    const res = await api()
      .post('/api/v1/auth/sms/send')
      .set('idempotency-key', idemKey())
      .send({ phone })
    expect(res.status).toBe(429)
    expect(res.body.error.message).toContain('今天获取验证码的次数已用完')
    expect(res.body.error.retryAfterSeconds).toBeGreaterThan(3600)
  })

  test('when the phone is malformed, then 400 in Chinese and no SMS is sent', async () => {
    const before = sms.sent.length
    const res = await api()
      .post('/api/v1/auth/sms/send')
      .set('idempotency-key', idemKey())
      .send({ phone: '12345' })
    expect(res.status).toBe(400)
    expect(res.body.error.message).toContain('请输入11位手机号')
    expect(sms.sent.length).toBe(before)
  })
})

describe('WeChat and Alipay login', () => {
  test('when the same person logs in with WeChat twice, then it is the same user', async () => {
    const a = await api().post('/api/v1/auth/wechat').send({ code: 'sandbox-wang' })
    const b = await api().post('/api/v1/auth/wechat').send({ code: 'sandbox-wang' })
    expect(a.status).toBe(201)
    expect(a.body.user.providers).toEqual(['wechat'])
    expect(b.body.user.id).toBe(a.body.user.id)
  })

  test('when the same person comes from another WeChat app (another openid), then the unionid makes them one user', async () => {
    const main = await api().post('/api/v1/auth/wechat').send({ code: 'sandbox-li' })
    const other = await api()
      .post('/api/v1/auth/wechat')
      .send({ code: 'sandbox-li@service-account' })
    expect(other.body.user.id).toBe(main.body.user.id)
  })

  test('when the WeChat code is refused, then 400 asks to tap login again', async () => {
    const res = await api().post('/api/v1/auth/wechat').send({ code: 'expired-code' })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('LOGIN_CODE_REJECTED')
    expect(res.body.error.message).toContain('微信登录没有成功')
  })

  test('when Alipay logs the same person in twice, then it is the same user', async () => {
    const a = await api().post('/api/v1/auth/alipay').send({ authCode: 'sandbox-zhao' })
    const b = await api().post('/api/v1/auth/alipay').send({ authCode: 'sandbox-zhao' })
    expect(a.status).toBe(201)
    expect(a.body.user.providers).toEqual(['alipay'])
    expect(b.body.user.id).toBe(a.body.user.id)
  })

  test('when a WeChat user verifies a phone while logged in, then a later SMS login is the same user', async () => {
    const wx = await api().post('/api/v1/auth/wechat').send({ code: 'sandbox-zhou' })
    const linked = await smsLogin(bff.url, sms, randomPhone(), wx.body.token)
    expect(linked.res.status).toBe(201)
    expect(linked.userId).toBe(wx.body.user.id)
    expect(linked.res.body.user.providers.sort()).toEqual(['phone', 'wechat'])

    await liftMinuteLimit()
    const byPhone = await smsLogin(bff.url, sms, linked.phone)
    expect(byPhone.userId).toBe(wx.body.user.id)
  })

  test('when a logged-in user links a phone that belongs to someone else, then 409 IDENTITY_IN_USE and nothing is merged', async () => {
    const owner = await smsLogin(bff.url, sms)
    const wx = await api().post('/api/v1/auth/wechat').send({ code: 'sandbox-sun' })
    await liftMinuteLimit()
    const attempt = await smsLogin(bff.url, sms, owner.phone, wx.body.token)
    expect(attempt.res.status).toBe(409)
    expect(attempt.res.body.error.code).toBe('IDENTITY_IN_USE')
    expect(attempt.res.body.error.message).toContain('已关联到另一个账号')
    const me = await api().get('/api/v1/me').set(bearer(wx.body.token))
    expect(me.body.providers).toEqual(['wechat'])
  })
})

describe('sessions', () => {
  test('when the user logs out, then the token no longer works', async () => {
    const { token } = await smsLogin(bff.url, sms)
    const out = await api()
      .post('/api/v1/auth/logout')
      .set(bearer(token))
      .set('idempotency-key', idemKey())
      .send({})
    expect(out.status).toBe(201)
    const me = await api().get('/api/v1/me').set(bearer(token))
    expect(me.status).toBe(401)
    expect(me.body.error.code).toBe('SESSION_EXPIRED')
  })

  test('when the session is rotated, then the new token works and the old one lapses after the grace period', async () => {
    const { token, userId } = await smsLogin(bff.url, sms)
    const res = await api().post('/api/v1/auth/refresh').set(bearer(token)).send({})
    expect(res.status).toBe(201)
    expect(res.body.token).not.toBe(token)
    expect((await api().get('/api/v1/me').set(bearer(res.body.token))).body.id).toBe(userId)
    // Requests already in flight with the old token still pass, for a few seconds only.
    expect((await api().get('/api/v1/me').set(bearer(token))).status).toBe(200)
    const ttl = await bff.container.redis.ttl(sessionKeyOfToken(token))
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(ROTATION_GRACE_SECONDS)
  })

  test('when the session lifetime has passed, then the token is refused as expired', async () => {
    const shortLived = await startBff({
      ports: { customers: new FakeCustomers(), sms },
      env: { SESSION_TTL_SECONDS: '1', RATE_LIMIT_NAMESPACE: randomNamespace() },
    })
    try {
      const { token } = await smsLogin(shortLived.url, sms)
      expect((await request(shortLived.url).get('/api/v1/me').set(bearer(token))).status).toBe(200)
      await new Promise((resolve) => setTimeout(resolve, 2100))
      const late = await request(shortLived.url).get('/api/v1/me').set(bearer(token))
      expect(late.status).toBe(401)
      expect(late.body.error.code).toBe('SESSION_EXPIRED')
    } finally {
      await shortLived.close()
    }
  })
})
