import { createHash, randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { SessionUser } from '../platform/http/request-context'

const PREFIX = 'sess:'

/** Only a hash of the token is stored, so a Redis dump cannot be replayed as sessions. */
function keyOf(token: string): string {
  return PREFIX + createHash('sha256').update(token).digest('hex')
}

export interface IssuedSession {
  token: string
  expiresAt: Date
}

export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds = 7 * 24 * 3600,
  ) {}

  async issue(userId: string, now = new Date()): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url')
    const expiresAt = new Date(now.getTime() + this.ttlSeconds * 1000)
    await this.redis.set(keyOf(token), JSON.stringify({ userId }), 'EX', this.ttlSeconds)
    return { token, expiresAt }
  }

  async resolve(token: string): Promise<SessionUser | null> {
    const raw = await this.redis.get(keyOf(token))
    if (!raw) return null
    const parsed = JSON.parse(raw) as { userId?: unknown }
    return typeof parsed.userId === 'string' ? { userId: parsed.userId } : null
  }

  async revoke(token: string): Promise<void> {
    await this.redis.del(keyOf(token))
  }
}
