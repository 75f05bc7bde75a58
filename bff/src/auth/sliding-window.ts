import type { Redis } from 'ioredis'
import { RateLimiterRedis } from 'rate-limiter-flexible'

export interface SlidingWindowRule {
  /** Part of the Redis key, e.g. `bind-user`. */
  name: string
  /** Attempts allowed in any window of `windowSeconds`. */
  limit: number
  windowSeconds: number
  /** How long the key is locked once the limit is passed. */
  lockSeconds: number
}

type Hit =
  { allowed: true; undo: () => Promise<void> } | { allowed: false; retryAfterSeconds: number }

/**
 * A sliding-window limit with a lock-out, shared by every BFF instance through Redis.
 *
 * rate-limiter-flexible counts in fixed windows; a fixed window lets an attacker spend the limit
 * twice around a window edge. This weighs the previous window by how much of it still overlaps
 * the sliding window (the "sliding window counter" estimate), with the library's atomic Redis
 * counters underneath, so concurrent attempts on several instances each see a distinct count.
 * Passing the limit locks the key for `lockSeconds`.
 */
export class SlidingWindowLimiter {
  private readonly counter: RateLimiterRedis
  private readonly locks: RateLimiterRedis

  constructor(
    redis: Redis,
    namespace: string,
    private readonly rule: SlidingWindowRule,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.counter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${namespace}:${rule.name}:n`,
      points: rule.limit,
      // Each window's counter must outlive the next window, which still weighs it.
      duration: rule.windowSeconds * 2,
    })
    this.locks = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${namespace}:${rule.name}:lock`,
      points: 1,
      duration: rule.lockSeconds,
    })
  }

  /** Seconds until the key may try again; 0 when it is not locked. */
  async lockedFor(key: string): Promise<number> {
    const lock = await this.locks.get(key)
    if (!lock || lock.consumedPoints <= this.locks.points || lock.msBeforeNext <= 0) return 0
    return Math.max(1, Math.ceil(lock.msBeforeNext / 1000))
  }

  /** Counts one attempt. Call `undo` when the attempt turns out not to count (it succeeded). */
  async hit(key: string): Promise<Hit> {
    const locked = await this.lockedFor(key)
    if (locked > 0) return { allowed: false, retryAfterSeconds: locked }
    const windowMs = this.rule.windowSeconds * 1000
    const nowMs = this.now().getTime()
    const index = Math.floor(nowMs / windowMs)
    const currentKey = `${key}:${index}`
    const current = await this.counter.penalty(currentKey, 1)
    const previous = await this.counter.get(`${key}:${index - 1}`)
    const overlap = 1 - (nowMs - index * windowMs) / windowMs
    const estimate = (previous?.consumedPoints ?? 0) * overlap + current.consumedPoints
    if (estimate > this.rule.limit) {
      await this.locks.block(key, this.rule.lockSeconds)
      return { allowed: false, retryAfterSeconds: this.rule.lockSeconds }
    }
    return {
      allowed: true,
      undo: async () => void (await this.counter.reward(currentKey, 1)),
    }
  }
}
