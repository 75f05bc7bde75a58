import { createHash, randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { SessionUser } from '../platform/http/request-context'

const PREFIX = 'sess:'
const USER_PREFIX = 'sess-user:'
/** How long a rotated token keeps working, so requests already in flight do not fail. */
export const ROTATION_GRACE_SECONDS = 30

/** Only a hash of the token is stored, so a Redis dump cannot be replayed as sessions. */
function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export interface IssuedSession {
  token: string
  expiresAt: Date
}

/** The session a request runs in. `sessionId` is the token's hash, never the token. */
export interface Session extends SessionUser {
  sessionId: string
}

/** The pipeline hands handlers a SessionUser; the object it resolved is a Session. */
export function sessionIdOf(user: SessionUser): string | undefined {
  return 'sessionId' in user && typeof user.sessionId === 'string' ? user.sessionId : undefined
}

/**
 * Sessions in Redis with a fixed lifetime. Each user has an index of their sessions so that
 * 注销 and "log out everywhere" can end them all.
 */
export class SessionStore {
  constructor(
    private readonly redis: Redis,
    readonly ttlSeconds = 7 * 24 * 3600,
  ) {}

  async issue(userId: string, now = new Date()): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url')
    const id = hashOf(token)
    const expiresAt = new Date(now.getTime() + this.ttlSeconds * 1000)
    await this.redis
      .multi()
      .set(PREFIX + id, JSON.stringify({ userId }), 'EX', this.ttlSeconds)
      .sadd(USER_PREFIX + userId, id)
      .expire(USER_PREFIX + userId, this.ttlSeconds)
      .exec()
    return { token, expiresAt }
  }

  async resolve(token: string): Promise<Session | null> {
    const id = hashOf(token)
    const raw = await this.redis.get(PREFIX + id)
    if (!raw) return null
    const parsed = JSON.parse(raw) as { userId?: unknown }
    return typeof parsed.userId === 'string' ? { userId: parsed.userId, sessionId: id } : null
  }

  /** A new token for the same user; the old one lapses after a short grace period. */
  async rotate(session: Session, now = new Date()): Promise<IssuedSession> {
    const issued = await this.issue(session.userId, now)
    await this.redis.expire(PREFIX + session.sessionId, ROTATION_GRACE_SECONDS, 'LT')
    return issued
  }

  async revoke(session: Session): Promise<void> {
    await this.redis
      .multi()
      .del(PREFIX + session.sessionId)
      .srem(USER_PREFIX + session.userId, session.sessionId)
      .exec()
  }

  async revokeAll(userId: string): Promise<void> {
    const ids = await this.redis.smembers(USER_PREFIX + userId)
    const tx = this.redis.multi()
    for (const id of ids) tx.del(PREFIX + id)
    tx.del(USER_PREFIX + userId)
    await tx.exec()
  }

  async countActive(userId: string): Promise<number> {
    const ids = await this.redis.smembers(USER_PREFIX + userId)
    if (ids.length === 0) return 0
    const alive = await this.redis.exists(...ids.map((id) => PREFIX + id))
    return alive
  }
}
