import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import request from 'supertest'
import { findUnmaskedPersonalData } from '@gh/shared'
import { BINDING_LIMITS } from '../src/accounts/binding-attempts'
import { BINDING_CODE_LIMITS } from '../src/accounts/sms-binding'
import { createSandbox, type Sandbox } from '../sandbox/app'
import { startBff, type TestBff } from './harness'
import { idemKey, randomNamespace, randomPhone } from './auth-fakes'

/**
 * Binding by a code sent to the account's reserved phone, with the production customers and SMS
 * adapters against the core sandbox. Persona 10000000NN's reserved phone is 138031100NN; the
 * sandbox's inbox (GET /sandbox/sms) is where the holder reads the code.
 */
let sandbox: Sandbox
let dataDir: string
let bff: TestBff

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'bindings-sms-'))
  sandbox = createSandbox({ config: { dataDir, accounts: 10 } })
  const { url } = await sandbox.listen(0, '127.0.0.1')
  await request(sandbox.app.callback())
    .post('/sandbox/clock')
    .send({ set: '2026-11-20T09:00:00+08:00' })
    .expect(200)
  bff = await startBff({ upstreamUrl: url, env: { RATE_LIMIT_NAMESPACE: randomNamespace() } })
})
afterAll(async () => {
  await bff.close()
  await sandbox.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const reservedPhoneOf = (accountNo: string) => `138031100${accountNo.slice(-2)}`

interface SentSms {
  template: string
  code: string
  text: string
}

async function inbox(phone: string): Promise<SentSms[]> {
  const res = await request(sandbox.app.callback()).get(`/sandbox/sms?phone=${phone}`).expect(200)
  return res.body.items as SentSms[]
}

function asUser(token: string, ip = '10.9.0.1') {
  const post = (url: string, body: object) =>
    request(bff.url)
      .post(url)
      .set('authorization', `Bearer ${token}`)
      .set('x-forwarded-for', ip)
      .set('idempotency-key', idemKey())
      .send(body)
  return {
    sendCode: (body: object) => post('/api/v1/bindings/sms/send', body),
    bindByCode: (body: object) => post('/api/v1/bindings/sms/verify', body),
    bindByName: (body: object) => post('/api/v1/bindings', body),
  }
}

test('when strangers’ 11 wrong guesses lock the name path, then the holder still binds with the code sent to the reserved phone', async () => {
  const accountNo = '1000000001'
  const phone = reservedPhoneOf(accountNo)
  let guesses = 0
  while (guesses <= BINDING_LIMITS.account.limit) {
    const stranger = asUser((await bff.login()).token, `10.9.1.${guesses}`)
    for (
      let i = 0;
      i < BINDING_LIMITS.user.limit - 1 && guesses <= BINDING_LIMITS.account.limit;
      i++
    ) {
      await stranger.bindByName({ accountNo, holderName: '王', phoneLast4: String(2000 + guesses) })
      guesses++
    }
  }
  expect(guesses).toBe(11)

  const holder = asUser((await bff.login()).token, '10.9.1.200')
  const locked = await holder.bindByName({ accountNo, holderName: '王', phoneLast4: '0001' })
  expect(locked.status).toBe(429)
  expect(locked.body.error.message).toContain('可改用短信验证码绑定')

  const sent = await holder.sendCode({ accountNo })
  expect(sent.status).toBe(201)
  expect(sent.body).toEqual({
    sentToMasked: '138********',
    expiresInSeconds: 300,
    resendAfterSeconds: BINDING_CODE_LIMITS.resend.seconds,
  })
  const [message] = await inbox(phone)
  expect(message?.template).toBe('bind_code')
  const code = message?.code as string

  const bound = await holder.bindByCode({ accountNo, code, label: '我家' })
  expect(bound.status).toBe(201)
  expect(bound.body).toMatchObject({ accountNo, role: 'owner', label: '我家' })
  const again = await holder.bindByCode({ accountNo, code })
  expect(again.status).toBe(201)

  // The last 4 digits are the name path's proof: asking for a code must not reveal them.
  expect(sent.text).not.toContain(phone.slice(-4))
  for (const text of [sent.text, bound.text]) {
    expect(text).not.toContain(phone)
    expect(findUnmaskedPersonalData(text)).toEqual([])
  }
  const logs = bff.logs.join('')
  expect(logs).not.toMatch(new RegExp(`(?<!\\d)${code}(?!\\d)`))
  expect(logs).not.toContain(phone)
})

test('when a wrong code is entered 5 times, then the code is burnt and the right one no longer binds', async () => {
  const accountNo = '1000000002'
  const { token } = await bff.login()
  const holder = asUser(token)
  expect((await holder.sendCode({ accountNo })).status).toBe(201)
  const [message] = await inbox(reservedPhoneOf(accountNo))
  const code = message?.code as string
  const wrong = code === '000000' ? '111111' : '000000'

  const answers: string[] = []
  for (let i = 0; i < 5; i++) {
    const res = await holder.bindByCode({ accountNo, code: wrong })
    expect(res.status).toBe(400)
    answers.push(res.body.error.message)
  }
  expect(answers[0]).toBe('验证码不正确，还可以再试4次')
  expect(answers[4]).toBe('验证码不正确，请重新获取验证码')

  const right = await holder.bindByCode({ accountNo, code })
  expect(right.status).toBe(400)
  expect(right.body.error.code).toBe('SMS_CODE_EXPIRED')
  const list = await request(bff.url)
    .get('/api/v1/accounts')
    .set('authorization', `Bearer ${token}`)
  expect(list.body.accounts).toEqual([])
})

test('when an unbound stranger names their own phone, then it is refused, and codes only ever reach the reserved phone and work only for who asked', async () => {
  const accountNo = '1000000003'
  const own = randomPhone()
  const stranger = asUser((await bff.login()).token, '10.9.3.1')

  const named = await stranger.sendCode({ accountNo, phone: own })
  expect(named.status).toBe(400)
  expect(named.body.error.code).toBe('VALIDATION_FAILED')

  const sent = await stranger.sendCode({ accountNo })
  expect(sent.status).toBe(201)
  expect(await inbox(own)).toEqual([])
  const [message] = await inbox(reservedPhoneOf(accountNo))
  expect(message?.template).toBe('bind_code')
  expect(sent.text).not.toContain(reservedPhoneOf(accountNo))

  // A code works only for the user who asked for it, even in the holder's hands.
  const holder = asUser((await bff.login()).token, '10.9.3.2')
  const misused = await holder.bindByCode({ accountNo, code: message?.code })
  expect(misused.status).toBe(400)
  expect(misused.body.error.code).toBe('SMS_CODE_EXPIRED')
})

test('when a code is asked for again within a minute, then it is refused with the time to wait', async () => {
  const accountNo = '1000000004'
  const holder = asUser((await bff.login()).token)
  expect((await holder.sendCode({ accountNo })).status).toBe(201)
  const again = await holder.sendCode({ accountNo })
  expect(again.status).toBe(429)
  expect(again.body.error.code).toBe('RATE_LIMITED')
  expect(again.body.error.retryAfterSeconds).toBeGreaterThan(0)
  expect(again.body.error.retryAfterSeconds).toBeLessThanOrEqual(60)
  expect(await inbox(reservedPhoneOf(accountNo))).toHaveLength(1)
})

test('when the account does not exist, then the answer looks like a sent code, nothing is sent and no code binds it', async () => {
  const accountNo = '1999999990'
  const user = asUser((await bff.login()).token)
  const sent = await user.sendCode({ accountNo })
  expect(sent.status).toBe(201)
  expect(sent.body.sentToMasked).toMatch(/^1[3-9]\d\*{8}$/)
  expect(sent.body.expiresInSeconds).toBe(300)
  const wrong = await user.bindByCode({ accountNo, code: '123456' })
  expect(wrong.status).toBe(400)
  expect(wrong.body.error.message).toBe('验证码不正确，还可以再试4次')
})

test('when one user asks for codes for many accounts, then the day’s limit per user stops them', async () => {
  const user = asUser((await bff.login()).token)
  for (let i = 0; i < BINDING_CODE_LIMITS.userDay.points; i++) {
    const res = await user.sendCode({ accountNo: `19999998${String(i).padStart(2, '0')}` })
    expect(res.status).toBe(201)
  }
  const over = await user.sendCode({ accountNo: '1999999899' })
  expect(over.status).toBe(429)
  expect(over.body.error.message).toContain('今天获取验证码的次数已用完')
})

test('when a 过户 is approved after a code went to the old holder’s phone, then that code is refused like a wrong one and binds nothing, and the new holder’s code binds', async () => {
  const accountNo = '1000000006'
  const core = request(sandbox.app.callback())
  const { token } = await bff.login()
  const user = asUser(token, '10.9.6.1')
  expect((await user.sendCode({ accountNo })).status).toBe(201)
  const [message] = await inbox(reservedPhoneOf(accountNo))
  const code = message?.code as string

  // Done at the service hall and decided there: the BFF learns of it only through the CIS.
  const newPhone = randomPhone()
  const changeId = `counter-${Math.random().toString(36).slice(2, 10)}`
  await core
    .post(`/customers/v1/accounts/${accountNo}/changes`)
    .send({
      changeId,
      kind: 'transfer',
      documents: [],
      transfer: { holderName: '孙立新', idNumber: '130102199001011234', phone: newPhone },
    })
    .expect(201)
  await core
    .post(`/sandbox/customers/changes/${changeId}/decision`)
    .send({ approve: true })
    .expect(200)

  const refused = await user.bindByCode({ accountNo, code })
  expect(refused.status).toBe(400)
  expect(refused.body.error).toMatchObject({
    code: 'SMS_CODE_INVALID',
    message: '验证码不正确，还可以再试4次',
  })
  const bills = await request(bff.url)
    .get(`/api/v1/accounts/${accountNo}/bills`)
    .set('authorization', `Bearer ${token}`)
  expect(bills.status).toBe(403)
  expect(bills.body.error.code).toBe('ACCOUNT_NOT_BOUND')

  const holder = asUser((await bff.login()).token, '10.9.6.2')
  expect((await holder.sendCode({ accountNo })).status).toBe(201)
  const [fresh] = await inbox(newPhone)
  const bound = await holder.bindByCode({ accountNo, code: fresh?.code })
  expect(bound.status).toBe(201)
})

test('when the account is closed (销户) after a code went to the holder’s phone, then that code binds nothing', async () => {
  const accountNo = '1000000008'
  const core = request(sandbox.app.callback())
  const { token } = await bff.login()
  const user = asUser(token, '10.9.8.1')
  expect((await user.sendCode({ accountNo })).status).toBe(201)
  const [message] = await inbox(reservedPhoneOf(accountNo))

  const changeId = `close-${Math.random().toString(36).slice(2, 10)}`
  await core
    .post(`/customers/v1/accounts/${accountNo}/changes`)
    .send({ changeId, kind: 'close', documents: [] })
    .expect(201)
  const decided = await core
    .post(`/sandbox/customers/changes/${changeId}/decision`)
    .send({ approve: true })
    .expect(200)
  expect(decided.body.status).toBe('approved')

  const refused = await user.bindByCode({ accountNo, code: message?.code })
  expect(refused.status).toBe(400)
  expect(refused.body.error.code).toBe('SMS_CODE_INVALID')
  const bills = await request(bff.url)
    .get(`/api/v1/accounts/${accountNo}/bills`)
    .set('authorization', `Bearer ${token}`)
  expect(bills.body.error.code).toBe('ACCOUNT_NOT_BOUND')
})
