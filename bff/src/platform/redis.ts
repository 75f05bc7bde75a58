import { Redis } from 'ioredis'

export function createRedis(url: string, options: { forWorker?: boolean } = {}): Redis {
  return new Redis(url, {
    // BullMQ workers block on Redis and must never give up a command.
    maxRetriesPerRequest: options.forWorker ? null : 3,
    enableReadyCheck: true,
    lazyConnect: false,
  })
}
export type { Redis }
