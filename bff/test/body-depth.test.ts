import request from 'supertest'
import { MAX_BODY_DEPTH } from '../src/platform/http/body-depth'
import { startBff, type TestBff } from './harness'
import { FakeSms, idemKey, randomNamespace, randomPhone } from './auth-fakes'

let bff: TestBff

beforeAll(async () => {
  bff = await startBff({
    database: 'sqlite',
    ports: { sms: new FakeSms() },
    env: { RATE_LIMIT_NAMESPACE: randomNamespace() },
  })
})
afterAll(async () => {
  await bff.close()
})

/** `{"phone": …, "x": [[[…]]]}` with the array nested `depth` levels. */
function nestedBody(depth: number): string {
  return `{"phone":"${randomPhone()}","x":${'['.repeat(depth)}${']'.repeat(depth)}}`
}

const sendCode = (body: string, headers: Record<string, string> = {}) =>
  request(bff.url)
    .post('/api/v1/auth/sms/send')
    .set('content-type', 'application/json')
    .set('idempotency-key', idemKey())
    .set(headers)
    .send(body)

describe('deeply nested JSON', () => {
  test('when a body nests thousands of levels, then 400 BODY_TOO_DEEP with the envelope, before login or idempotency', async () => {
    const res = await sendCode(nestedBody(5000))
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('BODY_TOO_DEEP')
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(res.body.error.requestId).toEqual(res.headers['x-request-id'])
  })

  test('when a logged-in caller sends one to an account route, then the same 400 answers', async () => {
    const { token } = await bff.login()
    const res = await request(bff.url)
      .post('/api/v1/bindings')
      .set('authorization', `Bearer ${token}`)
      .set('idempotency-key', idemKey())
      .set('content-type', 'application/json')
      .send(`{"accountNo":"1000000001","x":${'{"a":'.repeat(6000)}1${'}'.repeat(6000)}}`)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('BODY_TOO_DEEP')
  })

  test('when a body stays within the depth limit, then it reaches validation as before', async () => {
    const res = await sendCode(nestedBody(MAX_BODY_DEPTH - 2))
    expect(res.status).toBe(201)
  })
})
