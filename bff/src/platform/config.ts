import path from 'node:path'
import { z } from 'zod'

/** The repo root, so relative defaults work whatever the working directory. */
const repoRoot = path.resolve(__dirname, '../../..')

const DEFAULT_SESSION_SECRET = 'dev-only-session-secret-change-me-0000'

const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    DATABASE_URL: z.string().default('sqlite:.data/bff.sqlite'),
    REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
    /** Every upstream port's base URL defaults to this (the core sandbox). */
    UPSTREAM_BASE_URL: z.url().default('http://127.0.0.1:4100'),
    UPSTREAM_CUSTOMERS_URL: z.url().optional(),
    UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
    H5_DIR: z.string().default('dist/h5'),
    SESSION_SECRET: z.string().min(32).default(DEFAULT_SESSION_SECRET),
    SERVICE_PHONE: z.string().default('96777'),
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
    UPSTREAM_BILLING_URL: z.url().optional(),
    UPSTREAM_METERS_URL: z.url().optional(),
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
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.SESSION_SECRET === DEFAULT_SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'production refuses to start with the default SESSION_SECRET',
      })
    }
    if (env.NODE_ENV === 'production' && !env.METRICS_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['METRICS_TOKEN'],
        message: 'production refuses to start without METRICS_TOKEN (it guards /metrics)',
      })
    }
  })

export type Env = z.infer<typeof ConfigSchema>

export interface Config {
  env: Env['NODE_ENV']
  host: string
  port: number
  logLevel: Env['LOG_LEVEL']
  database: { type: 'sqlite'; file: string } | { type: 'postgres'; url: string }
  redisUrl: string
  upstream: { timeoutMs: number; customersUrl: string }
  h5Dir: string
  sessionSecret: string
  servicePhone: string
  shutdownGraceMs: number
  sessionTtlSeconds: number
  rateLimitNamespace: string
  familyInviteTtlSeconds: number
  opsToken: string | null
  /** Null when unset (never in production): /metrics then answers loopback callers only. */
  metricsToken: string | null
  trustProxyHops: number
  smsPerIpPerHour: number
  paymentTimings: { orderTtlMs: number; creditDeadlineMs: number; cardWritePollMs: number }
  /** Base URL of the sandbox's control endpoints (GET /sandbox/credentials). */
  sandboxUrl: string
  wechat: { apiUrl: string; appId?: string; appSecret?: string; orderTemplateId: string | null }
  alipay: { gatewayUrl: string; appId?: string; appPrivateKey?: string; alipayPublicKey?: string }
  sms: { apiUrl: string }
  payments: {
    publicBaseUrl: string
    cashierUrl: string | null
    billingUrl: string
    metersUrl: string
    wechatpay: {
      apiUrl: string
      mchid?: string
      merchantSerial?: string
      merchantPrivateKey?: string
      apiV3Key?: string
      publicKey?: string
      publicKeyId?: string
      platformCertificate?: string
      platformSerial?: string
      h5PayerOpenid: string
    }
  }
}

export function parseDatabaseUrl(url: string): Config['database'] {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return { type: 'postgres', url }
  }
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length)
    return { type: 'sqlite', file: file === ':memory:' ? file : path.resolve(repoRoot, file) }
  }
  throw new Error(
    `DATABASE_URL must start with sqlite: or postgres://, got "${url.split(':')[0]}:"`,
  )
}

/** The only place that reads process.env. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`invalid configuration:\n${lines.join('\n')}`)
  }
  const env = parsed.data
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    database: parseDatabaseUrl(env.DATABASE_URL),
    redisUrl: env.REDIS_URL,
    upstream: {
      timeoutMs: env.UPSTREAM_TIMEOUT_MS,
      customersUrl: env.UPSTREAM_CUSTOMERS_URL ?? env.UPSTREAM_BASE_URL,
    },
    h5Dir: path.resolve(repoRoot, env.H5_DIR),
    sessionSecret: env.SESSION_SECRET,
    servicePhone: env.SERVICE_PHONE,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    sessionTtlSeconds: env.SESSION_TTL_SECONDS,
    rateLimitNamespace: env.RATE_LIMIT_NAMESPACE,
    familyInviteTtlSeconds: env.FAMILY_INVITE_TTL_SECONDS,
    opsToken: env.OPS_TOKEN ?? null,
    metricsToken: env.METRICS_TOKEN ?? null,
    trustProxyHops: env.TRUST_PROXY_HOPS,
    smsPerIpPerHour: env.SMS_PER_IP_PER_HOUR,
    paymentTimings: {
      orderTtlMs: env.PAYMENT_ORDER_TTL_MINUTES * 60_000,
      creditDeadlineMs: env.PAYMENT_CREDIT_DEADLINE_HOURS * 3_600_000,
      cardWritePollMs: env.PAYMENT_CARD_WRITE_POLL_SECONDS * 1000,
    },
    sandboxUrl: env.UPSTREAM_BASE_URL,
    wechat: {
      apiUrl: env.WECHAT_API_URL ?? env.UPSTREAM_BASE_URL,
      appId: env.WECHAT_APP_ID,
      appSecret: env.WECHAT_APP_SECRET,
      // The sandbox accepts any template id; production sends nothing until one is configured.
      orderTemplateId:
        env.WECHAT_ORDER_TEMPLATE_ID ??
        (env.NODE_ENV === 'production' ? null : 'sandbox-order-settled'),
    },
    alipay: {
      gatewayUrl: env.ALIPAY_GATEWAY_URL ?? new URL('/gateway.do', env.UPSTREAM_BASE_URL).href,
      appId: env.ALIPAY_APP_ID,
      appPrivateKey: env.ALIPAY_APP_PRIVATE_KEY,
      alipayPublicKey: env.ALIPAY_PUBLIC_KEY,
    },
    sms: { apiUrl: env.SMS_API_URL ?? env.UPSTREAM_BASE_URL },
    payments: {
      publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://${env.HOST}:${env.PORT}`,
      cashierUrl:
        env.H5_CASHIER_URL ?? (env.NODE_ENV === 'production' ? null : env.UPSTREAM_BASE_URL),
      billingUrl: env.UPSTREAM_BILLING_URL ?? env.UPSTREAM_BASE_URL,
      metersUrl: env.UPSTREAM_METERS_URL ?? env.UPSTREAM_BASE_URL,
      wechatpay: {
        apiUrl: env.WECHATPAY_API_URL ?? new URL('/wechatpay/', env.UPSTREAM_BASE_URL).href,
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
