import { loadConfig } from '../src/platform/config'

/** What production needs beyond the defaults. */
const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://bff@db.internal:5432/bff',
  SESSION_SECRET: 'x'.repeat(40),
  METRICS_TOKEN: 'm'.repeat(32),
  UTILITY_NAME: '某市燃气热力有限公司',
  PRIVACY_CONTACT_EMAIL: 'privacy@gas.example.cn',
  WECHAT_APP_ID: 'wx0123456789abcdef',
  WECHAT_APP_SECRET: 'wechat-app-secret',
  ALIPAY_APP_ID: '2021000000000001',
  ALIPAY_APP_PRIVATE_KEY: 'alipay-app-private-key',
  ALIPAY_PUBLIC_KEY: 'alipay-public-key',
  WECHATPAY_MCHID: '1900000001',
  WECHATPAY_MERCHANT_SERIAL: 'MERCHANT-SERIAL-1',
  WECHATPAY_MERCHANT_PRIVATE_KEY: 'merchant-private-key',
  WECHATPAY_API_V3_KEY: 'k'.repeat(32),
  WECHATPAY_PUBLIC_KEY: 'wechatpay-public-key',
  WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0000000000000001',
  STORAGE_DRIVER: 's3',
  STORAGE_S3_BUCKET: 'gas-repair-photos',
}

const LOGIN_KEYS = [
  'WECHAT_APP_ID',
  'WECHAT_APP_SECRET',
  'ALIPAY_APP_ID',
  'ALIPAY_APP_PRIVATE_KEY',
  'ALIPAY_PUBLIC_KEY',
]
const PAYMENT_KEYS = [
  'WECHATPAY_MCHID',
  'WECHATPAY_MERCHANT_SERIAL',
  'WECHATPAY_MERCHANT_PRIVATE_KEY',
  'WECHATPAY_API_V3_KEY',
]

/** The message production refuses to start with, or undefined when it starts. */
function refusal(env: Record<string, string | undefined>): string | undefined {
  try {
    loadConfig(env)
    return undefined
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
}

describe('config', () => {
  test('when production runs on the default session secret, then it refuses to start', () => {
    expect(refusal({ ...PRODUCTION, SESSION_SECRET: undefined })).toMatch(
      /SESSION_SECRET: production refuses to start on its development default/,
    )
  })

  test('when production has PostgreSQL, its own secrets and every key, then it starts', () => {
    const c = loadConfig(PRODUCTION)
    expect(c.env).toBe('production')
    expect(c.database).toEqual({ type: 'postgres', url: PRODUCTION.DATABASE_URL })
  })

  test('when production is left on SQLite, explicitly or by default, then it refuses to start', () => {
    expect(refusal({ ...PRODUCTION, DATABASE_URL: 'sqlite:.data/bff.sqlite' })).toMatch(
      /DATABASE_URL: production refuses to start without PostgreSQL/,
    )
    expect(refusal({ ...PRODUCTION, DATABASE_URL: undefined })).toMatch(/DATABASE_URL/)
  })

  test.each(LOGIN_KEYS)('when production has no %s, then it refuses to start naming it', (key) => {
    expect(refusal({ ...PRODUCTION, [key]: undefined })).toMatch(
      new RegExp(`${key}: production refuses to start without it`),
    )
  })

  test('when production holds Alipay certificates instead of its public key, then it starts in 公钥证书 mode', () => {
    const certs = {
      ALIPAY_PUBLIC_KEY: undefined,
      ALIPAY_APP_CERT: '/run/secrets/appCertPublicKey.crt',
      ALIPAY_PUBLIC_CERT: '/run/secrets/alipayCertPublicKey_RSA2.crt',
      ALIPAY_ROOT_CERT: '/run/secrets/alipayRootCert.crt',
    }
    expect(loadConfig({ ...PRODUCTION, ...certs }).alipay).toMatchObject({
      appCert: certs.ALIPAY_APP_CERT,
      alipayPublicCert: certs.ALIPAY_PUBLIC_CERT,
      alipayRootCert: certs.ALIPAY_ROOT_CERT,
    })
    expect(refusal({ ...PRODUCTION, ...certs, ALIPAY_ROOT_CERT: undefined })).toMatch(
      /ALIPAY_PUBLIC_KEY: production refuses to start without it/,
    )
  })

  test.each(PAYMENT_KEYS)(
    'when production has no %s, then it refuses to start naming it',
    (key) => {
      expect(refusal({ ...PRODUCTION, [key]: undefined })).toMatch(
        new RegExp(`${key}: production refuses to start without it`),
      )
    },
  )

  test('when production cannot verify WeChat Pay, then it refuses to start; a platform certificate does instead of the public key', () => {
    const withoutVerifier = { ...PRODUCTION, WECHATPAY_PUBLIC_KEY: undefined }
    expect(refusal(withoutVerifier)).toMatch(/without a verifier of WeChat Pay/)
    expect(
      refusal({
        ...withoutVerifier,
        WECHATPAY_PLATFORM_CERTIFICATE: 'platform-certificate',
        WECHATPAY_PLATFORM_SERIAL: 'PLATFORM-SERIAL-1',
      }),
    ).toBeUndefined()
  })

  test('when production lacks several things, then one message names every one of them', () => {
    const message = refusal({ NODE_ENV: 'production' }) ?? ''
    for (const key of [
      'DATABASE_URL',
      'SESSION_SECRET',
      'METRICS_TOKEN',
      'UTILITY_NAME',
      'PRIVACY_CONTACT_EMAIL',
      ...LOGIN_KEYS,
      ...PAYMENT_KEYS,
      'WECHATPAY_PUBLIC_KEY',
    ]) {
      expect(message).toContain(`  ${key}: production refuses to start`)
    }
  })

  test('when the keys are missing outside production, then it starts (the sandbox makes its own)', () => {
    expect(refusal({ NODE_ENV: 'development' })).toBeUndefined()
    expect(refusal({ NODE_ENV: 'test' })).toBeUndefined()
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
    expect(c.upstream.customers.baseUrl).toBe('http://127.0.0.1:4100')
  })

  test('when only the upstream base URL is set, then every port goes there; a port of its own overrides only that port', () => {
    const c = loadConfig({
      UPSTREAM_BASE_URL: 'http://gateway.internal:8080',
      UPSTREAM_BILLING_URL: 'http://billing.internal',
    })
    expect(c.upstream).toEqual({
      timeoutMs: 3000,
      timeoutsMs: {},
      connections: 128,
      keepAliveMs: 10_000,
      connectTimeoutMs: 10_000,
      sandbox: { baseUrl: 'http://gateway.internal:8080' },
      customers: { baseUrl: 'http://gateway.internal:8080' },
      billing: { baseUrl: 'http://billing.internal' },
      meters: { baseUrl: 'http://gateway.internal:8080' },
      content: { baseUrl: 'http://gateway.internal:8080' },
      workorders: { baseUrl: 'http://gateway.internal:8080' },
      wechat: { baseUrl: 'http://gateway.internal:8080' },
      sms: { baseUrl: 'http://gateway.internal:8080' },
      alipay: { baseUrl: 'http://gateway.internal:8080/gateway.do' },
      wechatpay: { baseUrl: 'http://gateway.internal:8080/wechatpay/' },
    })
  })

  test('when pool sizes, timeouts and the queue prefix are set, then they replace the defaults; nonsense is refused', () => {
    expect(loadConfig({}).databasePoolSize).toBe(20)
    expect(loadConfig({}).queuePrefix).toBe('{gh}')
    const c = loadConfig({
      DATABASE_POOL_SIZE: '50',
      UPSTREAM_TIMEOUT_MS: '2000',
      UPSTREAM_TIMEOUTS: '{"billing":5000}',
      UPSTREAM_CONNECTIONS: '256',
      UPSTREAM_KEEP_ALIVE_MS: '30000',
      UPSTREAM_CONNECT_TIMEOUT_MS: '1500',
      QUEUE_PREFIX: 'city2',
    })
    expect(c.databasePoolSize).toBe(50)
    expect(c.queuePrefix).toBe('{city2}')
    expect(c.upstream).toMatchObject({
      timeoutMs: 2000,
      timeoutsMs: { billing: 5000 },
      connections: 256,
      keepAliveMs: 30_000,
      connectTimeoutMs: 1500,
    })
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/)
    expect(() => loadConfig({ UPSTREAM_TIMEOUTS: '{"billing":"slow"}' })).toThrow(
      /UPSTREAM_TIMEOUTS/,
    )
    expect(() => loadConfig({ QUEUE_PREFIX: '{gh}' })).toThrow(/QUEUE_PREFIX/)
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

  test('when production keeps uploads on local disk, then it refuses to start naming STORAGE_DRIVER', () => {
    expect(refusal({ ...PRODUCTION, STORAGE_DRIVER: 'local' })).toMatch(
      /STORAGE_DRIVER: production refuses to start with local storage/,
    )
    expect(refusal({ ...PRODUCTION, STORAGE_DRIVER: undefined })).toMatch(/STORAGE_DRIVER/)
  })

  test('when uploads go to S3, then the bucket is required and a key id comes with its secret', () => {
    expect(refusal({ STORAGE_DRIVER: 's3' })).toMatch(/STORAGE_S3_BUCKET: required with s3/)
    expect(
      refusal({ STORAGE_DRIVER: 's3', STORAGE_S3_BUCKET: 'b1x', STORAGE_S3_ACCESS_KEY_ID: 'id' }),
    ).toMatch(/STORAGE_S3_ACCESS_KEY_ID and STORAGE_S3_SECRET_ACCESS_KEY go together/)
    const c = loadConfig({
      STORAGE_DRIVER: 's3',
      STORAGE_S3_BUCKET: 'gas-repair-photos',
      STORAGE_S3_ENDPOINT: 'https://oss-cn-hangzhou.aliyuncs.com',
      STORAGE_S3_REGION: 'oss-cn-hangzhou',
    })
    expect(c.storage).toMatchObject({
      driver: 's3',
      s3: {
        endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
        bucket: 'gas-repair-photos',
        forcePathStyle: false,
        credentials: null,
        signedUrlSeconds: 0,
      },
    })
  })

  test('when no storage is configured outside production, then uploads go to .data/uploads under the repo', () => {
    const storage = loadConfig({}).storage
    expect(storage.driver).toBe('local')
    expect(storage.driver === 'local' && storage.dir).toMatch(/[/\\]\.data[/\\]uploads$/)
  })
})
