import type { Context } from 'koa'
import request from 'supertest'
import { requireMetricsAccess } from '../src/platform/http/health'
import { registeredRoutes, startBff, type TestBff } from './harness'

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789'
/** Shaped like a pay-share token: a capability that must never become a label. */
const SHARE_TOKEN = 'AbCdEfGhIjKlMnOpQrStUv'
const ACCOUNT_NO = '1000000042'

let bff: TestBff

beforeAll(async () => {
  bff = await startBff({ database: 'sqlite', env: { METRICS_TOKEN } })
})
afterAll(async () => {
  await bff.close()
})

const scrape = () =>
  request(bff.url).get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`)

/** The `route` label of every HTTP request series. */
function routeLabels(text: string): Set<string> {
  const labels = [...text.matchAll(/^bff_http_request_duration_seconds_count\{([^}]*)\}/gm)]
  return new Set(labels.map(([, l]) => /route="([^"]*)"/.exec(l ?? '')?.[1] ?? ''))
}

describe('metrics access', () => {
  test('when /metrics is asked without the token or with a wrong one, then 401 with the envelope and no metrics', async () => {
    for (const auth of [undefined, 'Bearer not-the-metrics-token-000000000']) {
      const req = request(bff.url).get('/metrics')
      const res = await (auth ? req.set('authorization', auth) : req)
      expect(res.status).toBe(401)
      expect(res.body.error.code).toBe('UNAUTHENTICATED')
      expect(res.text).not.toContain('bff_http_request_duration_seconds')
    }
  })

  test('when Prometheus sends the bearer token, then the histograms are served', async () => {
    const res = await scrape()
    expect(res.status).toBe(200)
    expect(res.text).toContain('bff_http_request_duration_seconds')
  })

  test('when no token is configured, then only a loopback peer is served, whatever it forwards', () => {
    const ctx = (remoteAddress: string, forwardedFor = '') =>
      ({
        req: { socket: { remoteAddress } },
        get: (h: string) => (h === 'x-forwarded-for' ? forwardedFor : ''),
      }) as unknown as Context
    expect(() => requireMetricsAccess(ctx('127.0.0.1'), null)).not.toThrow()
    expect(() => requireMetricsAccess(ctx('::1'), null)).not.toThrow()
    expect(() => requireMetricsAccess(ctx('::ffff:127.0.0.1'), null)).not.toThrow()
    expect(() => requireMetricsAccess(ctx('192.0.2.10', '127.0.0.1'), null)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', status: 403 }),
    )
  })
})

describe('metrics labels', () => {
  test('when requests miss every route (OPTIONS, wrong method, too large, unknown path), then no path, token or account number becomes a label', async () => {
    await request(bff.url).options(`/api/v1/pay-shares/${SHARE_TOKEN}`)
    await request(bff.url).put(`/api/v1/pay-shares/${SHARE_TOKEN}`).send({})
    await request(bff.url)
      .post(`/api/v1/pay-shares/${SHARE_TOKEN}/orders`)
      .set('content-type', 'application/json')
      .send(JSON.stringify({ pad: 'x'.repeat(70 * 1024) }))
    await request(bff.url).get(`/api/v1/no-such/${SHARE_TOKEN}`)
    await request(bff.url).delete(`/api/v1/accounts/${ACCOUNT_NO}/nothing-here`)
    await request(bff.url).get(`/favicon-${ACCOUNT_NO}.ico`)

    const res = await scrape()
    expect(res.text).not.toContain(SHARE_TOKEN)
    expect(res.text).not.toContain(ACCOUNT_NO)
    const templates = new Set(registeredRoutes(bff.bff).map((r) => r.path))
    const unexpected = [...routeLabels(res.text)].filter(
      (route) => !templates.has(route) && route !== 'unmatched',
    )
    expect(unexpected).toEqual([])
    expect(routeLabels(res.text)).toContain('/api/v1/pay-shares/:token')
  })
})
