import request from 'supertest'
import { startBff, type TestBff } from './harness'
import { FakeSms, idemKey, randomNamespace, randomPhone } from './auth-fakes'

/** Two codes an hour per client address, so the third request shows whose limit it met. */
const PER_IP = 2

function bffWithProxyHops(hops: number): Promise<TestBff> {
  return startBff({
    database: 'sqlite',
    ports: { sms: new FakeSms() },
    env: {
      RATE_LIMIT_NAMESPACE: randomNamespace(),
      SMS_PER_IP_PER_HOUR: String(PER_IP),
      TRUST_PROXY_HOPS: String(hops),
    },
  })
}

/** Asks for a login code for a fresh phone, with the X-Forwarded-For the caller chose. */
async function sendCode(bff: TestBff, forwardedFor: string): Promise<number> {
  const res = await request(bff.url)
    .post('/api/v1/auth/sms/send')
    .set('x-forwarded-for', forwardedFor)
    .set('idempotency-key', idemKey())
    .send({ phone: randomPhone() })
  return res.status
}

describe('client address without trusted proxies (the default)', () => {
  let bff: TestBff
  beforeAll(async () => {
    bff = await bffWithProxyHops(0)
  })
  afterAll(async () => {
    await bff.close()
  })

  test('when a client writes a new X-Forwarded-For on every request, then the per-IP SMS limit still stops it', async () => {
    const statuses = []
    for (let i = 0; i < PER_IP + 1; i++) statuses.push(await sendCode(bff, `198.51.100.${i + 1}`))
    expect(statuses).toEqual([201, 201, 429])
  })
})

describe('client address behind one trusted proxy', () => {
  let bff: TestBff
  beforeAll(async () => {
    bff = await bffWithProxyHops(1)
  })
  afterAll(async () => {
    await bff.close()
  })

  test('when a client prepends invented addresses, then the address our proxy appended is the one limited', async () => {
    const statuses = []
    for (let i = 0; i < PER_IP + 1; i++) {
      statuses.push(await sendCode(bff, `198.51.100.${i + 1}, 203.0.113.7`))
    }
    expect(statuses).toEqual([201, 201, 429])
  })

  test('when different clients come through the proxy, then each has its own limit', async () => {
    const statuses = []
    for (let i = 0; i < PER_IP + 1; i++) statuses.push(await sendCode(bff, `203.0.113.${20 + i}`))
    expect(statuses).toEqual([201, 201, 201])
  })
})
