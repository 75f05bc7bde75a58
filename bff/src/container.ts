import { openPlatform, type Platform } from './composition/platform'
import { buildPorts, type Ports } from './composition/ports'
import { buildServices, buildStores, type Features, type Stores } from './composition/services'
import { startWorkers } from './composition/workers'
import { startBusinessMetrics } from './composition/business-metrics'
import type { PaymentSettings } from './payments/payment-settings'
import type { MigrationMode } from './platform/db/data-source'
import type { Config } from './platform/config'
import type { ReadinessCheck } from './platform/http/health'
import type { Logger } from './platform/logger'

export type { Ports }

export interface Container extends Platform, Stores, Features {
  ports: Ports
  readiness: ReadinessCheck[]
  close: () => Promise<void>
}

/** What tests (and the bench) change; everything else is built as in production. */
interface ContainerOverrides {
  ports?: Partial<Ports>
  payments?: Partial<PaymentSettings>
  logger?: Logger
  now?: () => Date
  /** False in the web role: jobs and schedules run in the worker role's processes only. */
  workers?: boolean
  /** `verify` where the migrate role applies them; `run` (under a lock) by default. */
  migrations?: MigrationMode
}

/**
 * The composition root: opens the platform, builds our stores, each upstream port once, every
 * feature's services on them, then starts the background workers. Nothing else builds any of it.
 */
export async function createContainer(
  config: Config,
  overrides: ContainerOverrides = {},
): Promise<Container> {
  const platform = await openPlatform(config, overrides)
  const stores = buildStores(platform)
  const upstream = buildPorts(platform, stores, overrides.ports)
  const features = buildServices(platform, stores, upstream.ports, overrides.payments)
  const workers = overrides.workers === false ? null : startWorkers(features)
  if (workers) startBusinessMetrics(platform)

  const { db, redis, queues } = platform
  const readiness: ReadinessCheck[] = [
    { name: 'database', check: async () => void (await db.query('SELECT 1')) },
    { name: 'redis', check: async () => void (await redis.ping()) },
    // No upstream here: another instance cannot reach it either, so taking this one out of the
    // load balancer would turn a degraded service into none, and every probe of every pod would
    // load the core systems. Their state is in the breaker metrics instead.
  ]

  return {
    ...platform,
    ...stores,
    ...features,
    ports: upstream.ports,
    readiness,
    close: async () => {
      await workers?.stop()
      await queues.close()
      await upstream.close()
      platform.readCache.close()
      redis.disconnect()
      await db.destroy()
      platform.storage.close()
    },
  }
}
