import { createHash } from 'node:crypto'
import type { Redis } from 'ioredis'
import { AppError } from '../app-error'

const KEY_FORMAT = /^[A-Za-z0-9_-]{8,128}$/
const TTL_SECONDS = 24 * 3600

interface Stored {
  state: 'pending' | 'done'
  fingerprint: string
  status?: number
  body?: unknown
}

type IdempotentOutcome =
  | {
      kind: 'fresh'
      complete: (status: number, body: unknown) => Promise<void>
      abandon: () => Promise<void>
    }
  | { kind: 'replay'; status: number; body: unknown }

/**
 * Idempotency-Key handling for mutating routes, shared by every BFF instance through Redis:
 * the first request with a key runs, a concurrent one is told to wait, a later one gets the
 * stored answer, and the same key with a different request is refused.
 */
export class IdempotencyStore {
  constructor(private readonly redis: Redis) {}

  static validKey(key: string | undefined): key is string {
    return !!key && KEY_FORMAT.test(key)
  }

  async begin(
    scope: string,
    routeId: string,
    key: string,
    request: unknown,
  ): Promise<IdempotentOutcome> {
    const redisKey = `idem:${scope}:${routeId}:${key}`
    const fingerprint = createHash('sha256').update(JSON.stringify(request)).digest('hex')
    const pending: Stored = { state: 'pending', fingerprint }
    const claimed = await this.redis.set(redisKey, JSON.stringify(pending), 'EX', TTL_SECONDS, 'NX')
    if (claimed === 'OK') {
      return {
        kind: 'fresh',
        complete: async (status, body) => {
          const done: Stored = { state: 'done', fingerprint, status, body }
          await this.redis.set(redisKey, JSON.stringify(done), 'EX', TTL_SECONDS)
        },
        abandon: async () => {
          await this.redis.del(redisKey)
        },
      }
    }
    const raw = await this.redis.get(redisKey)
    const stored = raw ? (JSON.parse(raw) as Stored) : undefined
    if (!stored || stored.state === 'pending') throw new AppError('IDEMPOTENCY_CONFLICT')
    if (stored.fingerprint !== fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED')
    return { kind: 'replay', status: stored.status ?? 200, body: stored.body }
  }
}
