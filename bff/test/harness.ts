import { randomUUID } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { Writable } from 'node:stream'
import { Client } from 'pg'
import { AccountBinding } from '../src/accounts/account-binding-entity'
import { createApp, type BffApp } from '../src/app'
import { User } from '../src/auth/user-entity'
import { createContainer, type Container, type Ports } from '../src/container'
import { loadConfig, type Config } from '../src/platform/config'
import { createLogger } from '../src/platform/logger'
import type { PaymentSettings } from '../src/payments/payment-settings'

/** The Redis every integration test uses; `npm test` provides one. */
export function redisUrl(): string {
  const url = process.env.REDIS_URL
  if (!url) throw new Error('REDIS_URL is not set: run tests through `npm test`')
  return url
}

/** A fresh PostgreSQL database per call, so test files never see each other's rows. */
export async function freshPostgres(): Promise<string> {
  const admin = process.env.TEST_DATABASE_URL
  if (!admin) throw new Error('TEST_DATABASE_URL is not set: run tests through `npm test`')
  const name = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`
  const client = new Client({ connectionString: admin })
  await client.connect()
  await client.query(`CREATE DATABASE ${name}`)
  await client.end()
  const url = new URL(admin)
  url.pathname = `/${name}`
  return url.toString()
}

export interface TestBff {
  url: string
  /** Pass it to another startBff to run a second instance on the same database. */
  databaseUrl: string
  container: Container
  bff: BffApp
  logs: string[]
  /** Creates a user and a session; returns the bearer token. */
  login(): Promise<{ token: string; userId: string }>
  bind(userId: string, accountNo: string): Promise<void>
  close(): Promise<void>
}

export async function startBff(
  options: {
    upstreamUrl?: string
    ports?: Partial<Ports>
    database?: 'postgres' | 'sqlite'
    env?: Record<string, string>
    /** Reuse a database (a second instance, or a restart); it keeps its payment queues too. */
    databaseUrl?: string
    payments?: Partial<PaymentSettings>
    /** The BFF's clock; a core sandbox started at a set instant gives one to match it. */
    now?: () => Date
    /** False: the web role, which leaves jobs and schedules to a worker instance. */
    workers?: boolean
  } = {},
): Promise<TestBff> {
  const databaseUrl =
    options.databaseUrl ??
    (options.database === 'sqlite' ? 'sqlite::memory:' : await freshPostgres())
  // Jobs belong to the database they act on: instances sharing one share its queues, and test
  // files running in parallel on the same Redis never take each other's jobs.
  const queueNamespace = databaseUrl.startsWith('postgres')
    ? new URL(databaseUrl).pathname.slice(1)
    : `q_${randomUUID().slice(0, 8)}`
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl(),
    UPSTREAM_BASE_URL: options.upstreamUrl ?? 'http://127.0.0.1:9',
    UPSTREAM_TIMEOUT_MS: '500',
    H5_DIR: 'dist/__none__',
    // Instances on one database share their uploads, as instances on one bucket do; none in the repo.
    STORAGE_DIR: path.join(os.tmpdir(), `bff-uploads-${queueNamespace}`),
    // Cached upstream answers belong to the upstream the instances on this database talk to.
    READ_CACHE_NAMESPACE: `rc_${queueNamespace}`,
    ...options.env,
  })
  const logs: string[] = []
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString('utf8'))
      cb()
    },
  })
  const container = await createContainer(config, {
    logger: createLogger('info', sink),
    ...(options.ports ? { ports: options.ports } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.workers === false ? { workers: false } : {}),
    payments: { queueNamespace, ...options.payments },
  })
  const bff = createApp(container)
  const server: Server = await new Promise((resolve) => {
    const s = bff.app.listen(0, '127.0.0.1', () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    databaseUrl,
    container,
    bff,
    logs,
    async login() {
      const userId = randomUUID()
      await container.db
        .getRepository(User)
        .insert({ id: userId, createdAt: new Date(), deletedAt: null })
      const { token } = await container.sessions.issue(userId)
      return { token, userId }
    },
    async bind(userId, accountNo) {
      await container.db.getRepository(AccountBinding).insert({
        id: randomUUID(),
        userId,
        accountNo,
        label: null,
        isDefault: false,
        role: 'owner',
        createdAt: new Date(),
      })
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await container.close()
    },
  }
}

/** The routes the BFF actually registered, read from the router (not a hand list). */
export function registeredRoutes(bff: BffApp): { path: string; methods: string[] }[] {
  return bff.router.stack
    .filter((layer) => typeof layer.path === 'string')
    .map((layer) => ({
      path: String(layer.path),
      methods: layer.methods.filter((m) => m !== 'HEAD'),
    }))
}
