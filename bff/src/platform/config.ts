import path from 'node:path'
import { z } from 'zod'
import { NotificationType } from '@gh/shared'
import { defaultReadCacheTtls, readCacheKinds } from './cache/cache-kinds'

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

const Limits = z
  .object({
    maxInFlight: z.number().int().min(1).max(10_000),
    maxQueue: z.number().int().min(0).max(100_000),
    queueTimeoutMs: z.number().int().min(1).max(60_000),
  })
  .strict()
const UpstreamConcurrency = z.record(z.string(), Limits.partial())
const ReadCacheTtls = z.partialRecord(
  z.enum(readCacheKinds),
  z
    .number()
    .int()
    .min(0)
    .max(24 * 3600),
)

const NotifyTemplate = z.object({
  templateId: z.string().min(1).max(128),
  /** Keyword (thing1, keyword2) → message field (title, amount, dueDate…). */
  keywords: z.record(z.string().regex(/^[a-z_]+\d*$/), z.string().min(1)),
})
const NotifyTemplates = z
  .object({
    wechat: z.partialRecord(NotificationType, NotifyTemplate).optional(),
    alipay: z.partialRecord(NotificationType, NotifyTemplate).optional(),
  })
  .strict()

/** An environment variable holding JSON, checked by `schema`. */
function jsonOf<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text)
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON' })
        return z.NEVER
      }
    })
    .pipe(schema)
}

/** Per port unless UPSTREAM_CONCURRENCY says otherwise; the upstream client's pool holds 128. */
const DEFAULT_LIMITS = { maxInFlight: 64, maxQueue: 512, queueTimeoutMs: 1000 }

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: DatabaseUrl,
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  /** Connections each instance keeps to PostgreSQL at most. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(20),
  /**
   * BullMQ's key prefix, in braces on every key so each queue's keys share one Redis Cluster
   * slot; instances and workers sharing one Redis and database share it.
   */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('gh'),
  /** Every upstream port's base URL defaults to this (the core sandbox). */
  UPSTREAM_BASE_URL: z.url().default('http://127.0.0.1:4100'),
  UPSTREAM_CUSTOMERS_URL: z.url().optional(),
  UPSTREAM_BILLING_URL: z.url().optional(),
  UPSTREAM_METERS_URL: z.url().optional(),
  UPSTREAM_CONTENT_URL: z.url().optional(),
  UPSTREAM_WORKORDERS_URL: z.url().optional(),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
  /** Per port, overriding UPSTREAM_TIMEOUT_MS, as JSON, e.g. {"billing":5000}. */
  UPSTREAM_TIMEOUTS: jsonOf(z.record(z.string(), z.number().int().min(1).max(120_000))).default({}),
  /** Connections each upstream client keeps per origin, and how long an idle one stays open. */
  UPSTREAM_CONNECTIONS: z.coerce.number().int().min(1).max(10_000).default(128),
  UPSTREAM_KEEP_ALIVE_MS: z.coerce.number().int().min(1).max(600_000).default(10_000),
  UPSTREAM_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(1).max(120_000).default(10_000),
  /**
   * Requests in flight per upstream port and how many may wait, as JSON: `default` for every
   * port, a port's name for its own, e.g. {"billing":{"maxInFlight":32}}.
   */
  UPSTREAM_CONCURRENCY: jsonOf(UpstreamConcurrency).default({}),
  /** The home page answers within this, whatever its upstreams do. */
  HOME_BUDGET_MS: z.coerce.number().int().min(100).max(5000).default(700),
  /** Prefix of every read-cache key in Redis; instances sharing one Redis and data share it. */
  READ_CACHE_NAMESPACE: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('rc'),
  /** Seconds each kind of upstream answer stays fresh, as JSON, e.g. {"bills":30}; 0: not cached. */
  READ_CACHE_TTLS: jsonOf(ReadCacheTtls).default({}),
  H5_DIR: z.string().default('dist/h5'),
  /**
   * Where the content system publishes article pictures and videos (its CDN), comma-separated
   * origins the H5 pages may load media from; by default the content port's own origin.
   */
  CONTENT_MEDIA_ORIGINS: z.string().optional(),
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
  /** Subscription-message template for repair steps (公共模板库: 报修进度提醒). */
  WECHAT_REPAIR_TEMPLATE_ID: z.string().min(1).optional(),
  /** Alipay gateway (https://openapi.alipay.com/gateway.do in production). */
  ALIPAY_GATEWAY_URL: z.url().optional(),
  ALIPAY_APP_ID: z.string().min(1).optional(),
  /** PEM, or the bare base64 key as the Alipay console shows it. */
  ALIPAY_APP_PRIVATE_KEY: z.string().min(1).optional(),
  ALIPAY_PUBLIC_KEY: z.string().min(1).optional(),
  /**
   * 公钥证书 mode instead of ALIPAY_PUBLIC_KEY: the app's public-key certificate
   * (appCertPublicKey_<appid>.crt), Alipay's (alipayCertPublicKey_RSA2.crt) and Alipay's root
   * (alipayRootCert.crt), each as PEM text or a file path. All three or none.
   */
  ALIPAY_APP_CERT: z.string().min(1).optional(),
  ALIPAY_PUBLIC_CERT: z.string().min(1).optional(),
  ALIPAY_ROOT_CERT: z.string().min(1).optional(),
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
  /** Repair photos one user may upload per hour (a retried upload does not count). */
  REPAIR_PHOTOS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(60),
  /** A repair photo no report used within this many hours of its upload is deleted. */
  REPAIR_PHOTO_UNUSED_HOURS: z.coerce.number().int().min(1).max(720).default(168),
  /** Repair reports one user, and one account, may file per hour (a replayed report does not count). */
  REPAIR_REPORTS_PER_USER_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(10),
  REPAIR_REPORTS_PER_ACCOUNT_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(30),
  /** File uploads this instance reads at once; more are refused before their body is read. */
  UPLOADS_IN_FLIGHT: z.coerce.number().int().min(1).max(1000).default(8),
  /** How often an IC-card order waiting at a write point asks the meter system. */
  PAYMENT_CARD_WRITE_POLL_SECONDS: z.coerce.number().int().min(5).max(3600).default(600),
  /**
   * Subscription templates per platform and event type, as JSON: {"wechat": {"bill_issued":
   * {"templateId": "…", "keywords": {"thing1": "title", "amount2": "amount"}}}, "alipay": {…}}.
   * Unset: the sandbox's outside production, none in production (inbox and SMS only).
   */
  NOTIFY_TEMPLATES: jsonOf(NotifyTemplates).optional(),
  /** How often the notification watches poll supply-stop notices, bills and balances. */
  NOTIFY_SUPPLY_STOP_POLL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  NOTIFY_BILL_POLL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(3600),
  NOTIFY_BALANCE_POLL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
  /** A bill is 快到期 this many days before its due date. */
  NOTIFY_DUE_SOON_DAYS: z.coerce.number().int().min(1).max(15).default(3),
  /** Where uploaded files (repair photos) are kept: `local` disk or `s3`-compatible storage. */
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  /** The local driver's directory, relative to the repo root unless absolute. */
  STORAGE_DIR: z.string().min(1).default('.data/uploads'),
  /** e.g. https://oss-cn-hangzhou.aliyuncs.com or https://cos.ap-guangzhou.myqcloud.com; AWS when unset. */
  STORAGE_S3_ENDPOINT: z.url().optional(),
  STORAGE_S3_REGION: z.string().min(1).default('us-east-1'),
  STORAGE_S3_BUCKET: z.string().min(3).optional(),
  /** `true` where the bucket goes in the path (MinIO, s3rver); OSS and COS take it in the host. */
  STORAGE_S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Without them the SDK's own chain is used (environment, instance role). */
  STORAGE_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  STORAGE_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Above 0: a photo is answered by a redirect to a URL signed for this long; 0: the BFF serves it. */
  STORAGE_S3_SIGNED_URL_SECONDS: z.coerce.number().int().min(0).max(3600).default(0),
  /** The endpoint clients reach, when the BFF talks to an internal one (OSS `-internal` hosts). */
  STORAGE_S3_PUBLIC_ENDPOINT: z.url().optional(),
  STORAGE_S3_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
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
  // Instances share nothing but Redis and the database: a photo on one instance's disk would be
  // missing on every other one and gone with the instance.
  if (env.STORAGE_DRIVER === 'local') {
    refuse(
      'STORAGE_DRIVER',
      'with local storage (use s3: 阿里云 OSS, 腾讯云 COS, MinIO or any S3-compatible store)',
    )
  }
  if (
    !env.ALIPAY_PUBLIC_KEY &&
    !(env.ALIPAY_APP_CERT && env.ALIPAY_PUBLIC_CERT && env.ALIPAY_ROOT_CERT)
  ) {
    refuse(
      'ALIPAY_PUBLIC_KEY',
      'without it (Alipay login and payments) or, in 公钥证书 mode, ALIPAY_APP_CERT, ALIPAY_PUBLIC_CERT and ALIPAY_ROOT_CERT',
    )
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

function storageOf(env: Env) {
  if (env.STORAGE_DRIVER === 'local') {
    return { driver: 'local' as const, dir: path.resolve(repoRoot, env.STORAGE_DIR) }
  }
  const keyId = env.STORAGE_S3_ACCESS_KEY_ID
  const secret = env.STORAGE_S3_SECRET_ACCESS_KEY
  return {
    driver: 's3' as const,
    s3: {
      timeoutMs: env.STORAGE_S3_TIMEOUT_MS,
      endpoint: env.STORAGE_S3_ENDPOINT ?? null,
      publicEndpoint: env.STORAGE_S3_PUBLIC_ENDPOINT ?? null,
      region: env.STORAGE_S3_REGION,
      bucket: env.STORAGE_S3_BUCKET ?? '',
      forcePathStyle: env.STORAGE_S3_FORCE_PATH_STYLE,
      credentials: keyId && secret ? { accessKeyId: keyId, secretAccessKey: secret } : null,
      /** 0: the BFF serves the bytes itself. */
      signedUrlSeconds: env.STORAGE_S3_SIGNED_URL_SECONDS,
    },
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
    databasePoolSize: env.DATABASE_POOL_SIZE,
    redisUrl: env.REDIS_URL,
    queuePrefix: `{${env.QUEUE_PREFIX}}`,
    /** Where each upstream port is reached; every one defaults to the core sandbox. */
    upstream: {
      timeoutMs: env.UPSTREAM_TIMEOUT_MS,
      /** Ports whose timeout differs from `timeoutMs`. */
      timeoutsMs: env.UPSTREAM_TIMEOUTS,
      connections: env.UPSTREAM_CONNECTIONS,
      keepAliveMs: env.UPSTREAM_KEEP_ALIVE_MS,
      connectTimeoutMs: env.UPSTREAM_CONNECT_TIMEOUT_MS,
      /** The sandbox's own control endpoints (GET /sandbox/credentials). */
      sandbox: { baseUrl: base },
      customers: { baseUrl: env.UPSTREAM_CUSTOMERS_URL ?? base },
      billing: { baseUrl: env.UPSTREAM_BILLING_URL ?? base },
      meters: { baseUrl: env.UPSTREAM_METERS_URL ?? base },
      content: { baseUrl: env.UPSTREAM_CONTENT_URL ?? base },
      workorders: { baseUrl: env.UPSTREAM_WORKORDERS_URL ?? base },
      wechat: { baseUrl: env.WECHAT_API_URL ?? base },
      sms: { baseUrl: env.SMS_API_URL ?? base },
      /** The gateway endpoint itself (…/gateway.do): every call goes to that one path. */
      alipay: { baseUrl: env.ALIPAY_GATEWAY_URL ?? new URL('/gateway.do', base).href },
      /** The API v3 root; its path is part of every signed request path. */
      wechatpay: { baseUrl: env.WECHATPAY_API_URL ?? new URL('/wechatpay/', base).href },
    },
    h5Dir: path.resolve(repoRoot, env.H5_DIR),
    contentMediaOrigins: (
      env.CONTENT_MEDIA_ORIGINS ?? new URL(env.UPSTREAM_CONTENT_URL ?? base).origin
    )
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    homeBudgetMs: env.HOME_BUDGET_MS,
    /** What each upstream port may have in flight and waiting; `default` for ports not named. */
    upstreamConcurrency: {
      default: { ...DEFAULT_LIMITS, ...env.UPSTREAM_CONCURRENCY.default },
      ports: env.UPSTREAM_CONCURRENCY,
    },
    readCache: {
      namespace: env.READ_CACHE_NAMESPACE,
      ttlSeconds: { ...defaultReadCacheTtls, ...env.READ_CACHE_TTLS },
    },
    storage: storageOf(env),
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
    repairPhotosPerHour: env.REPAIR_PHOTOS_PER_HOUR,
    repairPhotoUnusedMs: env.REPAIR_PHOTO_UNUSED_HOURS * 3_600_000,
    repairReportsPerHour: {
      user: env.REPAIR_REPORTS_PER_USER_PER_HOUR,
      account: env.REPAIR_REPORTS_PER_ACCOUNT_PER_HOUR,
    },
    uploadsInFlight: env.UPLOADS_IN_FLIGHT,
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
      repairTemplateId:
        env.WECHAT_REPAIR_TEMPLATE_ID ?? (production ? null : 'sandbox-repair-step'),
    },
    notifications: {
      templates: env.NOTIFY_TEMPLATES ?? null,
      polls: {
        supplyStopsMs: env.NOTIFY_SUPPLY_STOP_POLL_SECONDS * 1000,
        billsMs: env.NOTIFY_BILL_POLL_SECONDS * 1000,
        balancesMs: env.NOTIFY_BALANCE_POLL_SECONDS * 1000,
      },
      dueSoonDays: env.NOTIFY_DUE_SOON_DAYS,
    },
    alipay: {
      appId: env.ALIPAY_APP_ID,
      appPrivateKey: env.ALIPAY_APP_PRIVATE_KEY,
      alipayPublicKey: env.ALIPAY_PUBLIC_KEY,
      appCert: env.ALIPAY_APP_CERT,
      alipayPublicCert: env.ALIPAY_PUBLIC_CERT,
      alipayRootCert: env.ALIPAY_ROOT_CERT,
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

/** Settings that only make sense together, in every environment. */
function checkStorage(env: Env, ctx: z.RefinementCtx<Env>): void {
  if (env.STORAGE_DRIVER === 's3' && !env.STORAGE_S3_BUCKET) {
    ctx.addIssue({ code: 'custom', path: ['STORAGE_S3_BUCKET'], message: 'required with s3' })
  }
  if (!env.STORAGE_S3_ACCESS_KEY_ID !== !env.STORAGE_S3_SECRET_ACCESS_KEY) {
    ctx.addIssue({
      code: 'custom',
      path: ['STORAGE_S3_SECRET_ACCESS_KEY'],
      message: 'STORAGE_S3_ACCESS_KEY_ID and STORAGE_S3_SECRET_ACCESS_KEY go together',
    })
  }
}

/** The environment in, the BFF's configuration out: the one description of both. */
const ConfigSchema = EnvSchema.superRefine(refuseUnsafeProduction)
  .superRefine(checkStorage)
  .transform(toConfig)

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
