import { randomUUID } from 'node:crypto'
import type { Redis } from './redis'
import { AppError } from './app-error'

// Deletes the key only if this holder still owns it, so a lock that expired and was taken by
// another instance is never released by the late first holder.
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`

interface LockOptions {
  /** The lock expires on its own after this, should the holder die. */
  ttlMs: number
  /** How long to wait for a busy lock before giving up with IDEMPOTENCY_CONFLICT. */
  waitMs: number
  /** What the resident reads when the lock stays busy. */
  busyMessage: string
}

/** Runs work under a short Redis mutex shared by every instance; keys are namespaced. */
export type WithLock = <T>(key: string, work: () => Promise<T>) => Promise<T>

/**
 * A single-Redis mutex (SET NX PX + owner-checked release). Enough where Redis is one primary,
 * as here: it serialises a check-then-insert across instances; correctness of money never
 * rests on it alone (orders are still guarded by conditional updates).
 */
export function redisLock(redis: Redis, namespace: string, options: LockOptions): WithLock {
  return async (key, work) => {
    const name = `${namespace}:lock:${key}`
    const token = randomUUID()
    const giveUpAt = Date.now() + options.waitMs
    let pause = 10
    while ((await redis.set(name, token, 'PX', options.ttlMs, 'NX')) !== 'OK') {
      if (Date.now() >= giveUpAt) {
        throw new AppError('IDEMPOTENCY_CONFLICT', {
          message: `lock busy: ${key}`,
          userMessage: options.busyMessage,
        })
      }
      await new Promise((resolve) => setTimeout(resolve, pause))
      pause = Math.min(pause * 2, 200)
    }
    try {
      return await work()
    } finally {
      await redis.eval(RELEASE, 1, name, token)
    }
  }
}
