import request from 'supertest'
import { findUnmaskedPersonalData } from '@gh/shared'
import { startCoreSandbox, type CoreSandbox } from './core-sandbox'
import { startBff, type TestBff } from './harness'
import { idemKey, randomNamespace, randomPhone } from './auth-fakes'

/**
 * The production adapters (WeChat jscode2session, Alipay's RSA2 gateway, the SMS gateway, the
 * CIS holder check) against the in-process core sandbox; only the credentials come from its
 * GET /sandbox/credentials, as in development.
 */
let coreSandbox: CoreSandbox
let bff: TestBff

beforeAll(async () => {
  coreSandbox = await startCoreSandbox('auth-sandbox')
  bff = await startBff({
    upstreamUrl: coreSandbox.url,
    now: coreSandbox.now,
    env: { RATE_LIMIT_NAMESPACE: randomNamespace() },
  })
})
afterAll(async () => {
  await bff.close()
  await coreSandbox.close()
})

const api = () => request(bff.url)

test('when a resident logs in with a WeChat code, then the same sandbox person is the same user', async () => {
  const a = await api().post('/api/v1/auth/wechat').send({ code: 'sandbox-wang' })
  expect(a.status).toBe(201)
  const b = await api().post('/api/v1/auth/wechat').send({ code: 'sandbox-wang' })
  expect(b.body.user.id).toBe(a.body.user.id)
  const other = await api().post('/api/v1/auth/wechat').send({ code: 'sandbox-li' })
  expect(other.body.user.id).not.toBe(a.body.user.id)
  const bad = await api().post('/api/v1/auth/wechat').send({ code: 'not-a-real-code' })
  expect(bad.status).toBe(400)
})

test('when a resident logs in with an Alipay auth code, then the signed gateway answers and the user is stable', async () => {
  const a = await api().post('/api/v1/auth/alipay').send({ authCode: 'sandbox-zhao' })
  expect(a.status).toBe(201)
  expect(a.body.user.providers).toEqual(['alipay'])
  const b = await api().post('/api/v1/auth/alipay').send({ authCode: 'sandbox-zhao' })
  expect(b.body.user.id).toBe(a.body.user.id)
})

test('when a resident logs in by SMS and binds a persona account, then the code from the sandbox inbox works and the proof is checked by the CIS', async () => {
  const phone = randomPhone()
  const sent = await api()
    .post('/api/v1/auth/sms/send')
    .set('idempotency-key', idemKey())
    .send({ phone })
  expect(sent.status).toBe(201)
  const inbox = await request(coreSandbox.sandbox.app.callback()).get(`/sandbox/sms?phone=${phone}`)
  const code = inbox.body.items[0].code as string
  const login = await api().post('/api/v1/auth/sms/verify').send({ phone, code })
  expect(login.status).toBe(201)
  const auth = { authorization: `Bearer ${login.body.token}` }

  const bind = (body: object) =>
    api().post('/api/v1/bindings').set(auth).set('idempotency-key', idemKey()).send(body)
  const wrong = await bind({ accountNo: '1000000001', holderName: '王', phoneLast4: '0002' })
  const unknown = await bind({ accountNo: '1999999998', holderName: '王', phoneLast4: '0001' })
  expect(wrong.status).toBe(400)
  expect(unknown.status).toBe(wrong.status)
  expect(unknown.body.error.message).toBe(wrong.body.error.message)

  const ok = await bind({
    accountNo: '1000000001',
    holderName: '王',
    phoneLast4: '0001',
    label: '我家',
  })
  expect(ok.status).toBe(201)
  expect(ok.body.summary).toMatchObject({ accountNo: '1000000001', holderNameMasked: '王**' })
  const list = await api().get('/api/v1/accounts').set(auth)
  expect(list.body.accounts).toHaveLength(1)
  for (const text of [ok.text, list.text]) expect(findUnmaskedPersonalData(text)).toEqual([])
  expect(list.text).not.toContain('王建国')
})
