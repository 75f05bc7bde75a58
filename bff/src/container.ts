import type { DataSource } from 'typeorm'
import { BindingRepository } from './accounts/binding-repository'
import { SessionStore } from './auth/session-store'
import type { Config } from './platform/config'
import { openDatabase } from './platform/db/data-source'
import { IdempotencyStore } from './platform/http/idempotency'
import type { ReadinessCheck } from './platform/http/health'
import { createLogger, type Logger } from './platform/logger'
import { createMetrics, type Metrics } from './platform/metrics'
import { QueueFactory } from './platform/queues'
import { createRedis, type Redis } from './platform/redis'
import { UpstreamClient } from './platform/upstream-client'
import { CustomersHttpAdapter } from './upstream/customers/customers-http-adapter'
import type { CustomersPort } from './upstream/customers/customers-port'

/** The upstream ports; tests swap a port here, never a module path. */
export interface Ports {
  customers: CustomersPort
}

export interface Container {
  config: Config
  logger: Logger
  metrics: Metrics
  db: DataSource
  redis: Redis
  queues: QueueFactory
  sessions: SessionStore
  bindings: BindingRepository
  idempotency: IdempotencyStore
  ports: Ports
  readiness: ReadinessCheck[]
  now: () => Date
  close: () => Promise<void>
}

export interface ContainerOverrides {
  ports?: Partial<Ports>
  logger?: Logger
  now?: () => Date
}

/** Builds and wires everything, in one place. */
export async function createContainer(
  config: Config,
  overrides: ContainerOverrides = {},
): Promise<Container> {
  const logger = overrides.logger ?? createLogger(config.logLevel)
  const metrics = createMetrics()
  const db = await openDatabase(config.database)
  const redis = createRedis(config.redisUrl)
  const queues = new QueueFactory(config.redisUrl, logger)

  const customersClient = new UpstreamClient({
    port: 'customers',
    baseUrl: config.upstream.customersUrl,
    timeoutMs: config.upstream.timeoutMs,
    logger,
    metrics,
  })
  const ports: Ports = {
    customers: overrides.ports?.customers ?? new CustomersHttpAdapter(customersClient),
  }

  const readiness: ReadinessCheck[] = [
    { name: 'database', check: async () => void (await db.query('SELECT 1')) },
    { name: 'redis', check: async () => void (await redis.ping()) },
    { name: 'customers', check: () => CustomersHttpAdapter.probe(config.upstream.customersUrl) },
  ]

  return {
    config,
    logger,
    metrics,
    db,
    redis,
    queues,
    sessions: new SessionStore(redis),
    bindings: new BindingRepository(db),
    idempotency: new IdempotencyStore(redis),
    ports,
    readiness,
    now: overrides.now ?? (() => new Date()),
    close: async () => {
      await queues.close()
      await customersClient.close()
      redis.disconnect()
      await db.destroy()
    },
  }
}
