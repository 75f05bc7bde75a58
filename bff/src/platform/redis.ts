import { Redis, type RedisOptions } from 'ioredis'

/**
 * ioredis options from one URL, so every client (commands, pub/sub, BullMQ's queues and
 * workers) reaches Redis the same way:
 * - `redis://[user:password@]host:port/db` and `rediss://…` (TLS, server name checked);
 * - `redis+sentinel://[user:password@]host1:26379,host2:26379/master-name[/db]` and
 *   `rediss+sentinel://…` (TLS to the data nodes); `?sentinelPassword=…` when the Sentinels have
 *   their own password.
 */
export function redisOptionsFromUrl(raw: string): RedisOptions {
  const match = /^(rediss?)(\+sentinel)?:\/\/(?:([^@/]*)@)?([^/?]*)(\/[^?]*)?(?:\?(.*))?$/.exec(raw)
  if (!match) throw new Error('REDIS_URL is not a redis://, rediss:// or redis+sentinel:// URL')
  const [, scheme = 'redis', sentinel, auth, hosts = '', path = '', query = ''] = match
  const tls = scheme === 'rediss'
  const [user, password] = splitAuth(auth)
  const params = new URLSearchParams(query)
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent)
  const common: RedisOptions = {
    ...(user ? { username: user } : {}),
    ...(password ? { password } : {}),
  }
  const endpoints = hosts.split(',').filter(Boolean).map(parseHost)
  if (endpoints.length === 0) throw new Error('REDIS_URL names no host')
  if (sentinel) {
    const name = segments[0]
    if (!name) throw new Error('REDIS_URL with Sentinel must name the master: …/master-name')
    const sentinelPassword = params.get('sentinelPassword')
    return {
      ...common,
      sentinels: endpoints.map(({ host, port }) => ({ host, port: port ?? 26379 })),
      name,
      db: dbNumber(segments[1]),
      ...(sentinelPassword ? { sentinelPassword } : {}),
      ...(tls ? { tls: {}, enableTLSForSentinelMode: true } : {}),
    }
  }
  if (endpoints.length > 1) throw new Error('REDIS_URL names several hosts without +sentinel')
  const [{ host, port }] = endpoints as [{ host: string; port: number | undefined }]
  return {
    ...common,
    host,
    port: port ?? 6379,
    db: dbNumber(segments[0]),
    ...(tls ? { tls: { servername: host } } : {}),
  }
}

export function createRedis(url: string, options: { forWorker?: boolean } = {}): Redis {
  return new Redis({
    ...redisOptionsFromUrl(url),
    // BullMQ workers block on Redis and must never give up a command.
    maxRetriesPerRequest: options.forWorker ? null : 3,
    // Under load many requests each send a command or two in the same tick (the session, the
    // read cache): one write and one reply parse for all of them instead of one per command.
    // A blocking command would hold up the batch behind it, so a worker's client does not.
    enableAutoPipelining: !options.forWorker,
    enableReadyCheck: true,
    lazyConnect: false,
  })
}

function splitAuth(auth: string | undefined): [string | undefined, string | undefined] {
  if (!auth) return [undefined, undefined]
  const colon = auth.indexOf(':')
  if (colon < 0) return [decodeURIComponent(auth) || undefined, undefined]
  const user = decodeURIComponent(auth.slice(0, colon))
  return [user || undefined, decodeURIComponent(auth.slice(colon + 1)) || undefined]
}

function parseHost(part: string): { host: string; port: number | undefined } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(part)
  const [host, port] = bracketed
    ? [bracketed[1] ?? '', bracketed[2]]
    : [part.replace(/:\d+$/, ''), /:(\d+)$/.exec(part)?.[1]]
  if (!host) throw new Error('REDIS_URL has an empty host')
  return { host, port: port === undefined ? undefined : Number(port) }
}

function dbNumber(segment: string | undefined): number {
  if (segment === undefined || segment === '') return 0
  const db = Number(segment)
  if (!Number.isInteger(db) || db < 0) throw new Error('REDIS_URL database must be a number')
  return db
}

export type { Redis }
