import request from 'supertest'
import { allRoutes } from '@gh/shared'
import { registeredRoutes, startBff, type TestBff } from './harness'
import { FakeCustomers, holder } from './fake-customers'

let bff: TestBff

beforeAll(async () => {
  bff = await startBff({ ports: { customers: new FakeCustomers() } })
})
afterAll(async () => {
  await bff.close()
})

describe('error envelope', () => {
  test('when an unknown API path is called, then a 404 envelope with a Chinese message answers', async () => {
    const res = await request(bff.url).get('/api/v1/no-such-thing')
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('NOT_FOUND')
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(res.body.error.requestId).toEqual(res.headers['x-request-id'])
  })

  test('when the body is not JSON, then 400 with the envelope and no stack trace', async () => {
    const res = await request(bff.url)
      .post('/api/v1/app-info')
      .set('content-type', 'application/json')
      .send('{"broken":')
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('BAD_REQUEST')
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts|SyntaxError|stack/)
  })

  test('when no token is sent to a user route, then 401 UNAUTHENTICATED', async () => {
    const res = await request(bff.url).get(`/api/v1/accounts/${holder.accountNo}`)
    expect(res.status).toBe(401)
    expect(res.body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' })
  })

  test('when an unknown token is sent, then 401 SESSION_EXPIRED', async () => {
    const res = await request(bff.url)
      .get(`/api/v1/accounts/${holder.accountNo}`)
      .set('authorization', 'Bearer abcdefghijklmnopqrstuvwxyz012345')
    expect(res.status).toBe(401)
    expect(res.body.error.code).toBe('SESSION_EXPIRED')
  })

  test('when the path parameter is malformed, then 400 with a Chinese validation message', async () => {
    const { token } = await bff.login()
    const res = await request(bff.url)
      .get('/api/v1/accounts/12ab')
      .set('authorization', `Bearer ${token}`)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
    expect(res.body.error.message).toContain('户号应为10位数字')
  })
})

describe('account guard', () => {
  test('when a bound user reads the account, then it is returned masked', async () => {
    const { token, userId } = await bff.login()
    await bff.bind(userId, holder.accountNo)
    const res = await request(bff.url)
      .get(`/api/v1/accounts/${holder.accountNo}`)
      .set('authorization', `Bearer ${token}`)
    expect(res.status).toBe(200)
    expect(res.body.accountNo).toBe(holder.accountNo)
    expect(res.body.holderNameMasked).not.toContain('建国')
    expect(JSON.stringify(res.body)).not.toContain(holder.phone)
    expect(JSON.stringify(res.body)).not.toContain('501')
  })

  test('when any account-scoped route is called by an unbound user, then the same 403 answers for existing and unknown accounts', async () => {
    const { token } = await bff.login()
    const scoped = registeredRoutes(bff.bff).filter((r) => r.path.includes(':accountNo'))
    expect(scoped.length).toBeGreaterThan(0)
    for (const layer of scoped) {
      for (const method of layer.methods) {
        const answers = []
        for (const accountNo of [holder.accountNo, '9999999999']) {
          const path = layer.path.replace(':accountNo', accountNo).replace(/:(\w+)/g, 'x1')
          const res = await request(bff.url)
            [method.toLowerCase() as 'get'](path)
            .set('authorization', `Bearer ${token}`)
            .set('idempotency-key', 'guard-walk-0001')
            .send({})
          expect(res.status).toBe(403)
          expect(res.body.error.code).toBe('ACCOUNT_NOT_BOUND')
          answers.push({
            status: res.status,
            code: res.body.error.code,
            message: res.body.error.message,
          })
        }
        expect(answers[0]).toEqual(answers[1])
      }
    }
  })
})

describe('openapi document', () => {
  test('when the router is walked, then every API route is in the document with its auth and scope', async () => {
    const res = await request(bff.url).get('/api/v1/openapi.json')
    expect(res.status).toBe(200)
    const paths = res.body.paths as Record<string, Record<string, Record<string, unknown>>>
    const apiLayers = registeredRoutes(bff.bff).filter((r) => r.path.startsWith('/api/v1/'))
    expect(apiLayers.length).toBeGreaterThanOrEqual(allRoutes.length)
    for (const layer of apiLayers) {
      const docPath = layer.path.replace(/:(\w+)/g, '{$1}')
      for (const method of layer.methods) {
        const op = paths[docPath]?.[method.toLowerCase()]
        expect({ route: `${method} ${layer.path}`, documented: !!op }).toEqual({
          route: `${method} ${layer.path}`,
          documented: true,
        })
        expect(op?.['x-auth']).toEqual(expect.any(String))
        expect(op?.['x-account-scoped']).toBe(layer.path.includes(':accountNo'))
      }
    }
  })
})

describe('logs', () => {
  test('when a request carries a phone number, then no log line contains it', async () => {
    const phone = '13987654321'
    const { token } = await bff.login()
    await request(bff.url)
      .get(`/api/v1/accounts/1000000001?phone=${phone}`)
      .set('authorization', `Bearer ${token}`)
    await request(bff.url).get(`/api/v1/nowhere/${phone}`)
    const all = bff.logs.join('')
    expect(all).toContain('"request"')
    expect(all).not.toContain(phone)
    expect(all).not.toContain(token)
  })
})

describe('health', () => {
  test('when the upstream is unreachable, then /readyz stays 200 without asking it, /healthz stays 200', async () => {
    const ready = await request(bff.url).get('/readyz')
    expect(ready.status).toBe(200)
    expect(ready.body.status).toBe('ready')
    expect(Object.keys(ready.body.checks).sort()).toEqual(['database', 'redis'])
    expect(ready.body.checks.database.ok).toBe(true)
    expect(ready.body.checks.redis.ok).toBe(true)
    const live = await request(bff.url).get('/healthz')
    expect(live.status).toBe(200)
  })

  test('when /metrics is scraped from this host and no token is configured, then request histograms are exposed', async () => {
    const res = await request(bff.url).get('/metrics')
    expect(res.status).toBe(200)
    expect(res.text).toContain('bff_http_request_duration_seconds')
  })
})
