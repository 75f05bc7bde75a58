import { loadConfig } from '../src/platform/config'

/** What production needs beyond the defaults. */
const PRODUCTION = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'x'.repeat(40),
  METRICS_TOKEN: 'm'.repeat(32),
}

describe('config', () => {
  test('when production runs on the default session secret, then it refuses to start', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/)
  })

  test('when production has its own secret and a metrics token, then it starts', () => {
    const c = loadConfig(PRODUCTION)
    expect(c.env).toBe('production')
  })

  test('when production has no metrics token, then it refuses to start', () => {
    expect(() => loadConfig({ ...PRODUCTION, METRICS_TOKEN: undefined })).toThrow(/METRICS_TOKEN/)
  })

  test('when no proxy hops are configured, then X-Forwarded-For is not trusted; a count is taken as given', () => {
    expect(loadConfig({}).trustProxyHops).toBe(0)
    expect(loadConfig({ TRUST_PROXY_HOPS: '2' }).trustProxyHops).toBe(2)
    expect(() => loadConfig({ TRUST_PROXY_HOPS: '-1' })).toThrow(/TRUST_PROXY_HOPS/)
  })

  test('when nothing is set, then the embedded defaults are used', () => {
    const c = loadConfig({})
    expect(c.port).toBe(3000)
    expect(c.host).toBe('127.0.0.1')
    expect(c.database.type).toBe('sqlite')
    expect(c.upstream.customersUrl).toBe('http://127.0.0.1:4100')
  })

  test('when payment timings are set, then orders expire and credits give up on them; nonsense is refused', () => {
    const c = loadConfig({ PAYMENT_ORDER_TTL_MINUTES: '30', PAYMENT_CREDIT_DEADLINE_HOURS: '48' })
    expect(c.paymentTimings).toEqual({
      orderTtlMs: 30 * 60_000,
      creditDeadlineMs: 48 * 3_600_000,
      cardWritePollMs: 600_000,
    })
    expect(loadConfig({}).paymentTimings.orderTtlMs).toBe(15 * 60_000)
    expect(() => loadConfig({ PAYMENT_ORDER_TTL_MINUTES: '0' })).toThrow(
      /PAYMENT_ORDER_TTL_MINUTES/,
    )
  })

  test('when production sets no subscription template, then no message is sent', () => {
    const c = loadConfig(PRODUCTION)
    expect(c.wechat.orderTemplateId).toBeNull()
    expect(loadConfig({}).wechat.orderTemplateId).toBe('sandbox-order-settled')
  })

  test('when DATABASE_URL has an unknown scheme, then the error says which', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/sqlite: or postgres/)
  })
})
