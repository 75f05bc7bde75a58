import path from 'node:path'
import { z } from 'zod'

/** The repo root, so relative defaults work whatever the working directory. */
const repoRoot = path.resolve(__dirname, '../../..')

const DEFAULT_SESSION_SECRET = 'dev-only-session-secret-change-me-0000'

/** Secrets that have a development default; production refuses to start on any of them. */
const DEFAULT_SECRETS = { SESSION_SECRET: DEFAULT_SESSION_SECRET } as const

const DatabaseUrl = z
  .string()
  .default('sqlite:.data/bff.sqlite')
  .transform((url, ctx): { type: 'postgres'; url: string } | { type: 'sqlite'; file: string } => {
    if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
      return { type: 'postgres', url }
    }
    if (url.startsWith('sqlite:')) {
      const file = url.slice('sqlite:'.length)
      return { type: 'sqlite', file: file === ':memory:' ? file : path.resolve(repoRoot, file) }
    }
    ctx.addIssue({
      code: 'custom',
      message: `must start with sqlite: or postgres://, got "${url.split(':')[0]}:"`,
    })
    return z.NEVER
  })

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: DatabaseUrl,
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  /** Every upstream port's base URL defaults to this (the core sandbox). */
  UPSTREAM_BASE_URL: z.url().default('http://127.0.0.1:4100'),
  UPSTREAM_CUSTOMERS_URL: z.url().optional(),
  UPSTREAM_BILLING_URL: z.url().optional(),
  UPSTREAM_METERS_URL: z.url().optional(),
  UPSTREAM_CONTENT_URL: z.url().optional(),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
  H5_DIR: z.string().default('dist/h5'),
  SESSION_SECRET: z.string().min(32).default(DEFAULT_SESSION_SECRET),
  SERVICE_PHONE: z.string().default('96777'),
  /** Who runs the service: named in the 用户协议 and 隐私政策 the app shows before consent. */
  UTILITY_NAME: z.string().trim().min(2).max(60).optional(),
  UTILITY_ADDRESS: z.string().trim().max(120).optional(),
  /** Where residents send personal-data requests (个人信息保护负责人). */
  PRIVACY_CONTACT_EMAIL: z.email().optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10000),
  SESSION_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(7 * 24 * 3600),
  /** Prefix of every rate-limit key in Redis; tests give each run its own. */
  RATE_LIMIT_NAMESPACE: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('rl'),
  FAMILY_INVITE_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 3600),
  /** WeChat API (api.weixin.qq.com in production); defaults to the sandbox. */
  WECHAT_API_URL: z.url().optional(),
  WECHAT_APP_ID: z.string().min(1).optional(),
  WECHAT_APP_SECRET: z.string().min(1).optional(),
  /** Subscription-message template for "payment settled" (公共模板库: 缴费结果通知). */
  WECHAT_ORDER_TEMPLATE_ID: z.string().min(1).optional(),
  /** Alipay gateway (https://openapi.alipay.com/gateway.do in production). */
  ALIPAY_GATEWAY_URL: z.url().optional(),
  ALIPAY_APP_ID: z.string().min(1).optional(),
  /** PEM, or the bare base64 key as the Alipay console shows it. */
  ALIPAY_APP_PRIVATE_KEY: z.string().min(1).optional(),
  ALIPAY_PUBLIC_KEY: z.string().min(1).optional(),
  SMS_API_URL: z.url().optional(),
  /** This BFF as the providers reach it (notify_url) and the H5 cashier returns to it. */
  PUBLIC_BASE_URL: z.url().optional(),
  /** The H5 cashier; outside production the sandbox's. */
  H5_CASHIER_URL: z.url().optional(),
  /** WeChat Pay API v3 root (https://api.mch.weixin.qq.com/ in production). */
  WECHATPAY_API_URL: z.url().optional(),
  WECHATPAY_MCHID: z.string().min(1).optional(),
  WECHATPAY_MERCHANT_SERIAL: z.string().min(1).optional(),
  WECHATPAY_MERCHANT_PRIVATE_KEY: z.string().min(1).optional(),
  WECHATPAY_API_V3_KEY: z.string().length(32).optional(),
  /** 微信支付公钥 and its PUB_KEY_ID_…, and/or a platform certificate and its serial. */
  WECHATPAY_PUBLIC_KEY: z.string().min(1).optional(),
  WECHATPAY_PUBLIC_KEY_ID: z.string().min(1).optional(),
  WECHATPAY_PLATFORM_CERTIFICATE: z.string().min(1).optional(),
  WECHATPAY_PLATFORM_SERIAL: z.string().min(1).optional(),
  /** JSAPI needs a payer openid; H5 cashier orders use this one. */
  WECHATPAY_H5_PAYER_OPENID: z
    .string()
    .regex(/^o[A-Za-z0-9_-]{27}$/)
    .default('oH5CashierPayer0000000000000'),
  /** Bearer token of the operator endpoints (/ops/…); they are not mounted without it. */
  OPS_TOKEN: z.string().min(24).optional(),
  /**
   * Bearer token Prometheus sends to /metrics. Production requires it; elsewhere, without it,
   * /metrics answers loopback callers only.
   */
  METRICS_TOKEN: z.string().min(24).optional(),
  /**
   * Reverse proxies in front of the BFF that append to X-Forwarded-For. 0 ignores the header
   * (clients reach the BFF directly); n takes the n-th address from the right, the one the
   * outermost of our proxies saw. Anything a client writes further left is not believed.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** An unpaid order is closed after this (WeChat Pay / Alipay time_expire). */
  PAYMENT_ORDER_TTL_MINUTES: z.coerce.number().int().min(5).max(120).default(15),
  /** A paid top-up not at the meter after this is refunded automatically. */
  PAYMENT_CREDIT_DEADLINE_HOURS: z.coerce.number().int().min(1).max(168).default(24),
  /** SMS login codes one IP may ask for per hour. */
  SMS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(30),
  /** How often an IC-card order waiting at a write point asks the meter system. */
  PAYMENT_CARD_WRITE_POLL_SECONDS: z.coerce.number().int().min(5).max(3600).default(600),
})

type Env = z.output<typeof EnvSchema>

/** What production cannot run without, and what each is for. */
const REQUIRED_IN_PRODUCTION = {
  METRICS_TOKEN: 'it guards /metrics',
  UTILITY_NAME: 'the 用户协议 and 隐私政策 name who processes personal data',
  PRIVACY_CONTACT_EMAIL: 'the 隐私政策 gives residents a contact for personal-data requests',
  WECHAT_APP_ID: 'WeChat login and WeChat Pay',
  WECHAT_APP_SECRET: 'WeChat login',
  ALIPAY_APP_ID: 'Alipay login and payments',
  ALIPAY_APP_PRIVATE_KEY: 'Alipay login and payments',
  ALIPAY_PUBLIC_KEY: 'Alipay login and payments',
  WECHATPAY_MCHID: 'WeChat Pay',
  WECHATPAY_MERCHANT_SERIAL: 'WeChat Pay',
  WECHATPAY_MERCHANT_PRIVATE_KEY: 'WeChat Pay',
  WECHATPAY_API_V3_KEY: 'WeChat Pay',
} as const satisfies Partial<Record<keyof Env, string>>

/**
 * Outside production every key may be missing (the sandbox makes its own) and SQLite will do;
 * production has no such fallback, so it names everything it lacks and does not start.
 */
function refuseUnsafeProduction(env: Env, ctx: z.RefinementCtx<Env>): void {
  if (env.NODE_ENV !== 'production') return
  const refuse = (variable: keyof Env, why: string) =>
    ctx.addIssue({
      code: 'custom',
      path: [variable],
      message: `production refuses to start ${why}`,
    })
  if (env.DATABASE_URL.type !== 'postgres') {
    refuse('DATABASE_URL', 'without PostgreSQL (a postgres:// URL)')
  }
  for (const [variable, fallback] of Object.entries(DEFAULT_SECRETS)) {
    const name = variable as keyof typeof DEFAULT_SECRETS
    if (env[name] === fallback) refuse(name, 'on its development default')
  }
  for (const [variable, purpose] of Object.entries(REQUIRED_IN_PRODUCTION)) {
    const name = variable as keyof typeof REQUIRED_IN_PRODUCTION
    if (!env[name]) refuse(name, `without it (${purpose})`)
  }
  const publicKey = env.WECHATPAY_PUBLIC_KEY && env.WECHATPAY_PUBLIC_KEY_ID
  const certificate = env.WECHATPAY_PLATFORM_CERTIFICATE && env.WECHATPAY_PLATFORM_SERIAL
  if (!publicKey && !certificate) {
    refuse(
      'WECHATPAY_PUBLIC_KEY',
      'without a verifier of WeChat Pay: WECHATPAY_PUBLIC_KEY and WECHATPAY_PUBLIC_KEY_ID, or WECHATPAY_PLATFORM_CERTIFICATE and WECHATPAY_PLATFORM_SERIAL',
    )
  }
}

function toConfig(env: Env) {
  const production = env.NODE_ENV === 'production'
  const base = env.UPSTREAM_BASE_URL
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    database: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    /** Where each upstream port is reached; every one defaults to the core sandbox. */
    upstream: {
      timeoutMs: env.UPSTREAM_TIMEOUT_MS,
      /** The sandbox's own control endpoints (GET /sandbox/credentials). */
      sandbox: { baseUrl: base },
      customers: { baseUrl: env.UPSTREAM_CUSTOMERS_URL ?? base },
      billing: { baseUrl: env.UPSTREAM_BILLING_URL ?? base },
      meters: { baseUrl: env.UPSTREAM_METERS_URL ?? base },
      content: { baseUrl: env.UPSTREAM_CONTENT_URL ?? base },
      wechat: { baseUrl: env.WECHAT_API_URL ?? base },
      sms: { baseUrl: env.SMS_API_URL ?? base },
      /** The gateway endpoint itself (…/gateway.do): every call goes to that one path. */
      alipay: { baseUrl: env.ALIPAY_GATEWAY_URL ?? new URL('/gateway.do', base).href },
      /** The API v3 root; its path is part of every signed request path. */
      wechatpay: { baseUrl: env.WECHATPAY_API_URL ?? new URL('/wechatpay/', base).href },
    },
    h5Dir: path.resolve(repoRoot, env.H5_DIR),
    sessionSecret: env.SESSION_SECRET,
    servicePhone: env.SERVICE_PHONE,
    /** Outside production the sandbox utility's placeholders, marked as such. */
    legal: {
      utilityName: env.UTILITY_NAME ?? '示例市燃气热力有限公司（演示）',
      address: env.UTILITY_ADDRESS ?? '示例市中心区民生路 1 号（演示）',
      privacyEmail: env.PRIVACY_CONTACT_EMAIL ?? 'privacy@example.com',
    },
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    sessionTtlSeconds: env.SESSION_TTL_SECONDS,
    rateLimitNamespace: env.RATE_LIMIT_NAMESPACE,
    familyInviteTtlSeconds: env.FAMILY_INVITE_TTL_SECONDS,
    opsToken: env.OPS_TOKEN ?? null,
    /** Null when unset (never in production): /metrics then answers loopback callers only. */
    metricsToken: env.METRICS_TOKEN ?? null,
    trustProxyHops: env.TRUST_PROXY_HOPS,
    smsPerIpPerHour: env.SMS_PER_IP_PER_HOUR,
    paymentTimings: {
      orderTtlMs: env.PAYMENT_ORDER_TTL_MINUTES * 60_000,
      creditDeadlineMs: env.PAYMENT_CREDIT_DEADLINE_HOURS * 3_600_000,
      cardWritePollMs: env.PAYMENT_CARD_WRITE_POLL_SECONDS * 1000,
    },
    wechat: {
      appId: env.WECHAT_APP_ID,
      appSecret: env.WECHAT_APP_SECRET,
      // The sandbox accepts any template id; production sends nothing until one is configured.
      orderTemplateId:
        env.WECHAT_ORDER_TEMPLATE_ID ?? (production ? null : 'sandbox-order-settled'),
    },
    alipay: {
      appId: env.ALIPAY_APP_ID,
      appPrivateKey: env.ALIPAY_APP_PRIVATE_KEY,
      alipayPublicKey: env.ALIPAY_PUBLIC_KEY,
    },
    payments: {
      publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://${env.HOST}:${env.PORT}`,
      cashierUrl: env.H5_CASHIER_URL ?? (production ? null : base),
      wechatpay: {
        mchid: env.WECHATPAY_MCHID,
        merchantSerial: env.WECHATPAY_MERCHANT_SERIAL,
        merchantPrivateKey: env.WECHATPAY_MERCHANT_PRIVATE_KEY,
        apiV3Key: env.WECHATPAY_API_V3_KEY,
        publicKey: env.WECHATPAY_PUBLIC_KEY,
        publicKeyId: env.WECHATPAY_PUBLIC_KEY_ID,
        platformCertificate: env.WECHATPAY_PLATFORM_CERTIFICATE,
        platformSerial: env.WECHATPAY_PLATFORM_SERIAL,
        h5PayerOpenid: env.WECHATPAY_H5_PAYER_OPENID,
      },
    },
  }
}

/** The environment in, the BFF's configuration out: the one description of both. */
const ConfigSchema = EnvSchema.superRefine(refuseUnsafeProduction).transform(toConfig)

export type Config = z.output<typeof ConfigSchema>

/** The only place that reads process.env. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`invalid configuration:\n${lines.join('\n')}`)
  }
  return parsed.data
}
