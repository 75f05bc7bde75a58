import type { DataSource } from 'typeorm'
import type { Config } from '../platform/config'
import { openDatabase } from '../platform/db/data-source'
import { createLogger, type Logger } from '../platform/logger'
import { createMetrics, type Metrics } from '../platform/metrics'
import { QueueFactory } from '../platform/queues'
import { createRedis, type Redis } from '../platform/redis'
import { entities } from './entities'

/** What every port and service stands on, opened once per process. */
export interface Platform {
  config: Config
  logger: Logger
  metrics: Metrics
  db: DataSource
  redis: Redis
  queues: QueueFactory
  now: () => Date
}

export async function openPlatform(
  config: Config,
  options: { logger?: Logger; now?: () => Date } = {},
): Promise<Platform> {
  const logger = options.logger ?? createLogger(config.logLevel)
  return {
    config,
    logger,
    metrics: createMetrics(),
    db: await openDatabase(config.database, entities),
    redis: createRedis(config.redisUrl),
    queues: new QueueFactory(config.redisUrl, logger),
    now: options.now ?? (() => new Date()),
  }
}
