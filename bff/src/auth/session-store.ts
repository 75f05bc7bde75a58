import { createHash, randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { SessionUser } from '../platform/http/request-context'

const PREFIX = 'sess:'
const USER_PREFIX = 'sess-user:'
/** A rotated token's chain, kept for the session lifetime after its grace period ends. */
const ROTATED_PREFIX = 'sess-rotated:'
/** How long a rotated token keeps working, so requests already in flight do not fail. */
export const ROTATION_GRACE_SECONDS = 30

/** Only a hash of the token is stored, so a Redis dump cannot be replayed as sessions. */
function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * `chain`: the id of the session the login issued; every rotation descends from it. Sessions
 * stored before chains existed have none and start their own. `rotated`: a successor exists.
 */
interface StoredSession {
  userId: string
  chain?: string
  rotated?: boolean
}

export interface IssuedSession {
  token: string
  expiresAt: Date
}

/** The session a request runs in. `sessionId` is the token's hash, never the token. */
export interface Session extends SessionUser {
  sessionId: string
  /** A newer token replaced this one; it only finishes requests in flight. */
  rotated?: boolean
}

/** The pipeline hands handlers a SessionUser; the object it resolved is a Session. */
export function sessionIdOf(user: SessionUser): string | undefined {
  return 'sessionId' in user && typeof user.sessionId === 'string' ? user.sessionId : undefined
}

export function wasRotated(user: SessionUser): boolean {
  return 'rotated' in user && user.rotated === true
}

/**
 * gone: the token no longer works. reused: the token had been rotated already, so a copy of it
 * is in other hands: its whole chain (every session descended from the same login) is revoked.
 */
type Rotation = { kind: 'rotated'; issued: IssuedSession } | { kind: 'gone' | 'reused' }

// ARGV: grace, lifetime, the successor's id, the presented id, the session key prefix. One script, so two refreshes of
// one token cannot both see it unrotated. The chain's sessions are found through the user's
// index inside the script; like issue's MULTI, this keeps a user's sessions on one Redis node.
const END_CHAIN = `
local function endChain(index, prefix, chain)
  for _, id in ipairs(redis.call('SMEMBERS', index)) do
    local other = redis.call('GET', prefix .. id)
    if not other then
      redis.call('SREM', index, id)
    elseif (cjson.decode(other).chain or id) == chain then
      redis.call('DEL', prefix .. id)
      redis.call('SREM', index, id)
    end
  end
end`

// KEYS: the presented session, its successor, the user's index, the presented token's
// tombstone. ARGV as below.
const ROTATE = `${END_CHAIN}
local raw = redis.call('GET', KEYS[1])
if not raw then return 'gone' end
local presented = cjson.decode(raw)
local chain = presented.chain or ARGV[4]
if presented.rotated then
  redis.call('DEL', KEYS[1])
  endChain(KEYS[3], ARGV[5], chain)
  return 'reused'
end
presented.rotated = true
redis.call('SET', KEYS[1], cjson.encode(presented), 'KEEPTTL')
redis.call('SET', KEYS[4], cjson.encode({ userId = presented.userId, chain = chain }), 'EX', ARGV[2])
local left = redis.call('TTL', KEYS[1])
if left < 0 or left > tonumber(ARGV[1]) then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
redis.call('SET', KEYS[2], cjson.encode({ userId = presented.userId, chain = chain }), 'EX', ARGV[2])
redis.call('SADD', KEYS[3], ARGV[3])
redis.call('EXPIRE', KEYS[3], ARGV[2])
return 'rotated'`

// KEYS: the tombstone of a rotated token whose grace has passed. ARGV: the session key prefix,
// the user index prefix. A rotated token seen after its grace is a copy in other hands.
const REUSED_AFTER_GRACE = `${END_CHAIN}
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
redis.call('DEL', KEYS[1])
local dead = cjson.decode(raw)
endChain(ARGV[2] .. dead.userId, ARGV[1], dead.chain)
return 1`

/**
 * Sessions in Redis with a fixed lifetime. Each user has an index of their sessions so that
 * 注销 and "log out everywhere" can end them all. A token can be rotated once: reusing a
 * rotated token to mint another, or presenting it at all once its grace has passed, is
 * refresh-token reuse, and ends its chain.
 */
export class SessionStore {
  constructor(
    private readonly redis: Redis,
    readonly ttlSeconds = 7 * 24 * 3600,
  ) {}

  async issue(userId: string, now = new Date()): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url')
    const id = hashOf(token)
    const stored: StoredSession = { userId, chain: id }
    await this.redis
      .multi()
      .set(PREFIX + id, JSON.stringify(stored), 'EX', this.ttlSeconds)
      .sadd(USER_PREFIX + userId, id)
      .expire(USER_PREFIX + userId, this.ttlSeconds)
      .exec()
    return { token, expiresAt: this.expiryFrom(now) }
  }

  async resolve(token: string): Promise<Session | null> {
    const id = hashOf(token)
    const raw = await this.redis.get(PREFIX + id)
    if (!raw) {
      await this.redis.eval(REUSED_AFTER_GRACE, 1, ROTATED_PREFIX + id, PREFIX, USER_PREFIX)
      return null
    }
    const parsed = JSON.parse(raw) as Partial<StoredSession>
    if (typeof parsed.userId !== 'string') return null
    return { userId: parsed.userId, sessionId: id, ...(parsed.rotated ? { rotated: true } : {}) }
  }

  /** A new token in the same chain; the old one lapses after a short grace period. */
  async rotate(session: Session, now = new Date()): Promise<Rotation> {
    const token = randomBytes(32).toString('base64url')
    const id = hashOf(token)
    const answer = await this.redis.eval(
      ROTATE,
      4,
      PREFIX + session.sessionId,
      PREFIX + id,
      USER_PREFIX + session.userId,
      ROTATED_PREFIX + session.sessionId,
      ROTATION_GRACE_SECONDS,
      this.ttlSeconds,
      id,
      session.sessionId,
      PREFIX,
    )
    if (answer === 'rotated')
      return { kind: 'rotated', issued: { token, expiresAt: this.expiryFrom(now) } }
    return { kind: answer === 'reused' ? 'reused' : 'gone' }
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

  private expiryFrom(now: Date): Date {
    return new Date(now.getTime() + this.ttlSeconds * 1000)
  }
}
