import type { DataSource } from 'typeorm'
import type { Config } from '../platform/config'
import { openDatabase, type MigrationMode } from '../platform/db/data-source'
import { ReadCache } from '../platform/cache/read-cache'
import { createLogger, type Logger } from '../platform/logger'
import { createMetrics, type Metrics } from '../platform/metrics'
import { QueueFactory } from '../platform/queues'
import { createRedis, type Redis } from '../platform/redis'
import { openStorage } from '../platform/storage/open-storage'
import type { OpenStorage } from '../platform/storage/object-storage'
import { entities } from './entities'

/** What every port and service stands on, opened once per process. */
export interface Platform {
  config: Config
  logger: Logger
  metrics: Metrics
  db: DataSource
  redis: Redis
  /** Upstream answers in Redis, for the ports' read paths. */
  readCache: ReadCache
  /**
   * A connection in subscriber mode on which in-process copies (read cache, binding guard)
   * hear other instances' invalidations; closed with the read cache.
   */
  subscriber: Redis
  queues: QueueFactory
  /** Uploaded files: local disk or S3-compatible, per config. */
  storage: OpenStorage
  now: () => Date
}

export async function openPlatform(
  config: Config,
  options: { logger?: Logger; now?: () => Date; migrations?: MigrationMode } = {},
): Promise<Platform> {
  const logger = options.logger ?? createLogger(config.logLevel)
  const metrics = createMetrics()
  const redis = createRedis(config.redisUrl)
  const db = await openDatabase(config.database, entities, {
    migrations: options.migrations,
    poolSize: config.databasePoolSize,
  })
  // Made just before its subscribers subscribe: one connected while the database opened would be
  // running its ready check when they do, and ioredis refuses that check in subscriber mode.
  const subscriber = createRedis(config.redisUrl)
  return {
    config,
    logger,
    metrics,
    db,
    redis,
    readCache: new ReadCache(redis, {
      ...config.readCache,
      subscriber,
      onError: (err) => logger.warn({ err }, 'read cache unavailable, reading the upstream'),
      onOutcome: (kind, outcome) => metrics.readCache.inc({ kind, outcome }),
    }),
    subscriber,
    queues: new QueueFactory(config.redisUrl, logger, config.queuePrefix),
    storage: openStorage(config.storage),
    now: options.now ?? (() => new Date()),
  }
}
