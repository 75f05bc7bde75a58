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
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.SESSION_SECRET === DEFAULT_SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'production refuses to start with the default SESSION_SECRET',
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
  }
}
