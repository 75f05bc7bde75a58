import type { Redis } from 'ioredis'
import { SlidingWindowLimiter, type SlidingWindowRule } from '../auth/sliding-window'

/**
 * Wrong 代办 codes allowed before a lock-out, across requests. A request dies after five wrong
 * codes, but an agent may start new ones for the same account, so the five alone do not bound
 * the guesses: per resident stops one login guessing every request it sees, per account stops
 * several logins of one household (or a careless agent's string of requests) adding up, per IP
 * stops one machine working through many accounts. A right code gives its attempt back.
 */
export const PROXY_CODE_LIMITS = {
  user: { name: 'proxy-code-user', limit: 10, windowSeconds: 3600, lockSeconds: 3600 },
  account: { name: 'proxy-code-account', limit: 10, windowSeconds: 3600, lockSeconds: 3600 },
  ip: { name: 'proxy-code-ip', limit: 30, windowSeconds: 3600, lockSeconds: 3600 },
} satisfies Record<string, SlidingWindowRule>

export type ProxyCodeAttempt =
  { allowed: true; giveBack: () => Promise<void> } | { allowed: false; retryAfterSeconds: number }

/** Counts a confirmation attempt on all three keys before the code is compared (race-free). */
export class ProxyCodeAttempts {
  private readonly limiters: readonly SlidingWindowLimiter[]

  constructor(redis: Redis, namespace: string, now: () => Date) {
    this.limiters = [PROXY_CODE_LIMITS.user, PROXY_CODE_LIMITS.account, PROXY_CODE_LIMITS.ip].map(
      (rule) => new SlidingWindowLimiter(redis, namespace, rule, now),
    )
  }

  async begin(userId: string, accountNo: string, ip: string): Promise<ProxyCodeAttempt> {
    const keys = [userId, accountNo, ip]
    const counted: (() => Promise<void>)[] = []
    const giveBack = async () => {
      for (const undo of counted) await undo()
    }
    for (const [i, limiter] of this.limiters.entries()) {
      const hit = await limiter.hit(keys[i] ?? '')
      if (!hit.allowed) {
        // The code is not compared, so the attempt counts nowhere else either.
        await giveBack()
        return { allowed: false, retryAfterSeconds: hit.retryAfterSeconds }
      }
      counted.push(hit.undo)
    }
    return { allowed: true, giveBack }
  }
}
