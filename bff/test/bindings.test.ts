import request from 'supertest'
import { BINDING_LIMITS } from '../src/accounts/binding-attempts'
import type { CustomerAccount } from '../src/upstream/customers/customers-port'
import { startBff, type TestBff } from './harness'
import { FakeCustomers, holder } from './fake-customers'
import { FakeSms, idemKey, randomNamespace } from './auth-fakes'

/** Five households; the proof is the holder's name (or surname) + the phone's last 4 digits. */
const households: CustomerAccount[] = [
  holder,
  {
    ...holder,
    accountNo: '1000000002',
    holderName: '李秀英',
    phone: '13900000002',
    kind: 'ic_prepaid',
  },
  {
    ...holder,
    accountNo: '1000000003',
    holderName: '张伟',
    phone: '13900000003',
    kind: 'postpaid_gas',
  },
  { ...holder, accountNo: '1000000004', holderName: '刘洋', phone: '13900000004', kind: 'heating' },
  { ...holder, accountNo: '1000000005', holderName: '陈静', phone: '13900000005' },
]
const proofOf = (a: CustomerAccount) => ({
  accountNo: a.accountNo,
  holderName: a.holderName,
  phoneLast4: a.phone.slice(-4),
})
const [first, second, third] = households as [CustomerAccount, CustomerAccount, CustomerAccount]

let bff: TestBff
let customers: FakeCustomers

beforeAll(async () => {
  customers = new FakeCustomers(households)
  bff = await startBff({
    ports: { customers, sms: new FakeSms() },
    // Behind one load balancer: the tests pick each request's client address.
    env: { RATE_LIMIT_NAMESPACE: randomNamespace(), TRUST_PROXY_HOPS: '1' },
  })
})
afterAll(async () => {
  await bff.close()
})

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

function bind(url: string, token: string, body: object, ip = '10.0.0.1') {
  return request(url)
    .post('/api/v1/bindings')
    .set(bearer(token))
    .set('x-forwarded-for', ip)
    .set('idempotency-key', idemKey())
    .send(body)
}

describe('binding with the holder proof', () => {
  test('when the proof is right, then the account is bound, masked, and the first one is the default', async () => {
    const { token } = await bff.login()
    const res = await bind(bff.url, token, { ...proofOf(first), holderName: '王', label: '我家' })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      accountNo: first.accountNo,
      label: '我家',
      isDefault: true,
      role: 'owner',
      summary: { holderNameMasked: '王**', kind: 'iot_prepaid' },
    })
    expect(res.body.boundAt).toMatch(/\+08:00$/)
    expect(JSON.stringify(res.body)).not.toContain('建国')
    expect(JSON.stringify(res.body)).not.toContain('501')

    const read = await request(bff.url)
      .get(`/api/v1/accounts/${first.accountNo}`)
      .set(bearer(token))
    expect(read.status).toBe(200)
  })

  test('when the proof is wrong or the account does not exist, then the answers are identical', async () => {
    const { token } = await bff.login()
    const wrong = await bind(bff.url, token, { ...proofOf(second), phoneLast4: '9999' })
    const unknown = await bind(bff.url, token, {
      accountNo: '1999999999',
      holderName: '王',
      phoneLast4: '0001',
    })
    expect(wrong.status).toBe(400)
    expect(wrong.body.error.code).toBe('BINDING_PROOF_MISMATCH')
    const strip = (body: { error: Record<string, unknown> }) => ({
      ...body.error,
      requestId: undefined,
    })
    expect(strip(unknown.body)).toEqual(strip(wrong.body))
    expect(unknown.status).toBe(wrong.status)
    expect(wrong.body.error.message).toContain('户号或户主信息不正确')
  })

  test('when no Idempotency-Key is sent, then the binding is refused; with a repeated key it is answered once', async () => {
    const { token } = await bff.login()
    const bare = await request(bff.url)
      .post('/api/v1/bindings')
      .set(bearer(token))
      .send(proofOf(third))
    expect(bare.status).toBe(400)
    expect(bare.body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED')

    const key = idemKey()
    const send = () =>
      request(bff.url)
        .post('/api/v1/bindings')
        .set(bearer(token))
        .set('idempotency-key', key)
        .send(proofOf(third))
    const a = await send()
    const b = await send()
    expect(a.status).toBe(201)
    expect(b.status).toBe(201)
    expect(b.headers['idempotent-replayed']).toBe('true')
    expect(b.body).toEqual(a.body)
  })
})

describe('several accounts', () => {
  test('when a second account is made the default and relabelled, then the list shows it', async () => {
    const { token } = await bff.login()
    await bind(bff.url, token, { ...proofOf(first), label: '我家' })
    await bind(bff.url, token, proofOf(second))
    const patch = await request(bff.url)
      .patch(`/api/v1/accounts/${second.accountNo}/binding`)
      .set(bearer(token))
      .set('idempotency-key', idemKey())
      .send({ label: '父母家', isDefault: true })
    expect(patch.status).toBe(200)
    expect(patch.body).toMatchObject({ label: '父母家', isDefault: true })

    const list = await request(bff.url).get('/api/v1/accounts').set(bearer(token))
    expect(list.status).toBe(200)
    expect(
      list.body.accounts.map((a: { accountNo: string; label: string; isDefault: boolean }) => [
        a.accountNo,
        a.label,
        a.isDefault,
      ]),
    ).toEqual([
      [first.accountNo, '我家', false],
      [second.accountNo, '父母家', true],
    ])
  })

  test('when the default account is unbound, then it is gone, its routes answer 403 and another becomes default', async () => {
    const { token } = await bff.login()
    await bind(bff.url, token, proofOf(first))
    await bind(bff.url, token, proofOf(second))
    const del = await request(bff.url)
      .delete(`/api/v1/accounts/${first.accountNo}/binding`)
      .set(bearer(token))
      .set('idempotency-key', idemKey())
    expect(del.status).toBe(200)
    expect(del.body).toEqual({ unbound: true })

    const list = await request(bff.url).get('/api/v1/accounts').set(bearer(token))
    expect(list.body.accounts).toHaveLength(1)
    expect(list.body.accounts[0]).toMatchObject({ accountNo: second.accountNo, isDefault: true })
    const read = await request(bff.url)
      .get(`/api/v1/accounts/${first.accountNo}`)
      .set(bearer(token))
    expect(read.status).toBe(403)
    expect(read.body.error.code).toBe('ACCOUNT_NOT_BOUND')
  })

  test('when the customer system is down, then the list still answers, without summaries', async () => {
    const { token, userId } = await bff.login()
    await bff.bind(userId, first.accountNo)
    const getAccount = jest.spyOn(customers, 'getAccount').mockRejectedValue(new Error('CIS down'))
    try {
      const list = await request(bff.url).get('/api/v1/accounts').set(bearer(token))
      expect(list.status).toBe(200)
      expect(list.body.accounts[0]).toMatchObject({ accountNo: first.accountNo, summary: null })
    } finally {
      getAccount.mockRestore()
    }
  })
})

describe('brute force of the binding proof', () => {
  test('when one user keeps guessing, then after the limit every attempt is locked out, even the right proof', async () => {
    const { token } = await bff.login()
    const target = households[3] as CustomerAccount
    const ip = '10.1.0.1'
    for (let i = 0; i < BINDING_LIMITS.user.limit; i++) {
      const res = await bind(
        bff.url,
        token,
        { ...proofOf(target), phoneLast4: String(1000 + i) },
        ip,
      )
      expect(res.status).toBe(400)
    }
    const locked = await bind(bff.url, token, proofOf(target), ip)
    expect(locked.status).toBe(429)
    expect(locked.body.error.code).toBe('RATE_LIMITED')
    expect(locked.body.error.retryAfterSeconds).toBe(BINDING_LIMITS.user.lockSeconds)
    expect(locked.headers['retry-after']).toBe(String(BINDING_LIMITS.user.lockSeconds))
    expect(locked.body.error.message).toMatch(
      /绑定尝试次数过多.*请于 .*\d{2}:\d{2} 后再试（约30分钟）/,
    )
  })

  test('when one IP tries many accounts with many users, then the IP is locked out and others are not', async () => {
    const ip = '10.2.0.1'
    let failures = 0
    // Spread over users and (unknown) accounts so only the per-IP limit can trip.
    while (failures < BINDING_LIMITS.ip.limit) {
      const { token } = await bff.login()
      for (
        let i = 0;
        i < BINDING_LIMITS.user.limit - 1 && failures < BINDING_LIMITS.ip.limit;
        i++
      ) {
        const accountNo = `19${String(failures).padStart(8, '0')}`
        const res = await bind(
          bff.url,
          token,
          { accountNo, holderName: '王', phoneLast4: '0000' },
          ip,
        )
        expect(res.status).toBe(400)
        failures++
      }
    }
    const { token } = await bff.login()
    const fromIp = await bind(bff.url, token, proofOf(first), ip)
    expect(fromIp.status).toBe(429)
    const elsewhere = await bind(bff.url, token, proofOf(first), '10.2.0.2')
    expect(elsewhere.status).toBe(201)
  })
})
