import { openPlatform, type Platform } from './composition/platform'
import { buildPorts, type Ports } from './composition/ports'
import { buildServices, buildStores, type Features, type Stores } from './composition/services'
import { startWorkers } from './composition/workers'
import type { PaymentSettings } from './payments/payment-settings'
import type { Config } from './platform/config'
import type { ReadinessCheck } from './platform/http/health'
import type { Logger } from './platform/logger'
import { CustomersHttpAdapter } from './upstream/customers/customers-http-adapter'

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
  const workers = startWorkers(features)

  const { db, redis, queues } = platform
  const readiness: ReadinessCheck[] = [
    { name: 'database', check: async () => void (await db.query('SELECT 1')) },
    { name: 'redis', check: async () => void (await redis.ping()) },
    {
      name: 'customers',
      check: () => CustomersHttpAdapter.probe(config.upstream.customers.baseUrl),
    },
  ]

  return {
    ...platform,
    ...stores,
    ...features,
    ports: upstream.ports,
    readiness,
    close: async () => {
      await workers.stop()
      await queues.close()
      await upstream.close()
      redis.disconnect()
      await db.destroy()
    },
  }
}
