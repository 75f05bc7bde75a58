import type { Redis } from 'ioredis'
import { SlidingWindowLimiter, type SlidingWindowRule } from '../auth/sliding-window'

/**
 * Failed binding proofs allowed before a lock-out. Per user stops one login guessing; per
 * account stops many logins (or IPs) guessing one household's proof; per IP stops one machine
 * trying many accounts. An account lock-out also closes this path to its rightful holder for
 * an hour: the price of not letting the holder's name and phone digits be guessed. Binding by a
 * code sent to the reserved phone (sms-binding.ts) stays open meanwhile.
 */
export const BINDING_LIMITS = {
  user: { name: 'bind-user', limit: 5, windowSeconds: 15 * 60, lockSeconds: 30 * 60 },
  account: { name: 'bind-account', limit: 10, windowSeconds: 3600, lockSeconds: 3600 },
  ip: { name: 'bind-ip', limit: 30, windowSeconds: 3600, lockSeconds: 3600 },
} satisfies Record<string, SlidingWindowRule>

type AttemptOutcome =
  { allowed: true; succeeded: () => Promise<void> } | { allowed: false; retryAfterSeconds: number }

/** Counts a binding attempt on all three keys before the proof is checked (race-free). */
export class BindingAttempts {
  private readonly user: SlidingWindowLimiter
  private readonly account: SlidingWindowLimiter
  private readonly ip: SlidingWindowLimiter

  constructor(redis: Redis, namespace: string, now: () => Date) {
    this.user = new SlidingWindowLimiter(redis, namespace, BINDING_LIMITS.user, now)
    this.account = new SlidingWindowLimiter(redis, namespace, BINDING_LIMITS.account, now)
    this.ip = new SlidingWindowLimiter(redis, namespace, BINDING_LIMITS.ip, now)
  }

  async begin(userId: string, accountNo: string, ip: string): Promise<AttemptOutcome> {
    const counted: (() => Promise<void>)[] = []
    const undoAll = async () => {
      for (const undo of counted) await undo()
    }
    for (const [limiter, key] of [
      [this.user, userId],
      [this.account, accountNo],
      [this.ip, ip],
    ] as const) {
      const hit = await limiter.hit(key)
      if (!hit.allowed) {
        // The proof is not checked, so the attempt counts nowhere else either.
        await undoAll()
        return { allowed: false, retryAfterSeconds: hit.retryAfterSeconds }
      }
      counted.push(hit.undo)
    }
    // A proof that matched is not a failure: its points are given back.
    return { allowed: true, succeeded: undoAll }
  }
}
