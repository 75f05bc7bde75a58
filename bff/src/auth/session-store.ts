import { createHash, randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { SessionUser } from '../platform/http/request-context'

/**
 * Every key of one user's sessions carries the same Redis Cluster hash tag (`{<tag>}`), derived
 * from the user id and written at the front of each token, so a token alone finds its slot and
 * the transactions and scripts that join a session, its user's index and its tombstone stay
 * on one node.
 */
const TAG_LENGTH = 8
const TAG_FORMAT = /^[0-9a-f]{8}$/

function tagOfUser(userId: string): string {
  return createHash('sha256').update(`session-tag:${userId}`).digest('hex').slice(0, TAG_LENGTH)
}

const sessionKeyOf = (tag: string, id: string) => `sess:{${tag}}:${id}`
const userIndexKeyOf = (tag: string, userId: string) => `sess-user:{${tag}}:${userId}`
/** A rotated token's chain, kept for the session lifetime after its grace period ends. */
const tombstoneKeyOf = (tag: string, id: string) => `sess-rotated:{${tag}}:${id}`
/** How often a script re-runs when the user's sessions changed between reading and running it. */
const STALE_RETRIES = 5
/** How long a rotated token keeps working, so requests already in flight do not fail. */
export const ROTATION_GRACE_SECONDS = 30

/** Only a hash of the token is stored, so a Redis dump cannot be replayed as sessions. */
function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** The Redis key of a token's session (tests use it to end a grace period early). */
export function sessionKeyOfToken(token: string): string {
  return sessionKeyOf(token.slice(0, TAG_LENGTH), hashOf(token))
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

// Every key a script touches is passed in KEYS: the user's sessions as the caller read them
// from the index just before (KEYS[from..], their ids in ARGV[from..]). Should the index hold a
// session the caller did not pass, the script changes nothing and answers 'stale', and the
// caller reads the index again.
const END_CHAIN = `
local function knownSessions(index, from)
  local known = {}
  for i = from, #KEYS do known[ARGV[i]] = KEYS[i] end
  for _, id in ipairs(redis.call('SMEMBERS', index)) do
    if not known[id] then return nil end
  end
  return known
end
local function endChain(index, known, chain)
  for _, id in ipairs(redis.call('SMEMBERS', index)) do
    local other = redis.call('GET', known[id])
    if not other then
      redis.call('SREM', index, id)
    elseif (cjson.decode(other).chain or id) == chain then
      redis.call('DEL', known[id])
      redis.call('SREM', index, id)
    end
  end
end`

// KEYS: the presented session, its successor, the user's index, the presented token's
// tombstone, then the user's sessions. ARGV: grace, lifetime, the successor's id, the presented
// id, then the ids of those sessions. One script, so two refreshes of one token cannot both see
// it unrotated.
const ROTATE = `${END_CHAIN}
local raw = redis.call('GET', KEYS[1])
if not raw then return 'gone' end
local presented = cjson.decode(raw)
local chain = presented.chain or ARGV[4]
if presented.rotated then
  local known = knownSessions(KEYS[3], 5)
  if not known then return 'stale' end
  redis.call('DEL', KEYS[1])
  endChain(KEYS[3], known, chain)
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

// KEYS: the tombstone of a rotated token whose grace has passed, its user's index, then the
// user's sessions. ARGV: the user the caller read from the tombstone, an unused slot, then the
// ids of those sessions. A rotated token seen after its grace is a copy in other hands.
const REUSED_AFTER_GRACE = `${END_CHAIN}
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local dead = cjson.decode(raw)
if dead.userId ~= ARGV[1] then return 'stale' end
local known = knownSessions(KEYS[2], 3)
if not known then return 'stale' end
redis.call('DEL', KEYS[1])
endChain(KEYS[2], known, dead.chain)
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
    const tag = tagOfUser(userId)
    const token = tag + randomBytes(32).toString('base64url')
    const id = hashOf(token)
    const stored: StoredSession = { userId, chain: id }
    const index = userIndexKeyOf(tag, userId)
    await this.redis
      .multi()
      .set(sessionKeyOf(tag, id), JSON.stringify(stored), 'EX', this.ttlSeconds)
      .sadd(index, id)
      .expire(index, this.ttlSeconds)
      .exec()
    return { token, expiresAt: this.expiryFrom(now) }
  }

  async resolve(token: string): Promise<Session | null> {
    const tag = token.slice(0, TAG_LENGTH)
    // Not a token this store issued (an agent's, or one from before tags): nothing to find.
    if (!TAG_FORMAT.test(tag)) return null
    const id = hashOf(token)
    const raw = await this.redis.get(sessionKeyOf(tag, id))
    if (!raw) {
      await this.endChainOfReused(tag, id)
      return null
    }
    const parsed = JSON.parse(raw) as Partial<StoredSession>
    if (typeof parsed.userId !== 'string') return null
    return { userId: parsed.userId, sessionId: id, ...(parsed.rotated ? { rotated: true } : {}) }
  }

  /** A new token in the same chain; the old one lapses after a short grace period. */
  async rotate(session: Session, now = new Date()): Promise<Rotation> {
    const tag = tagOfUser(session.userId)
    const token = tag + randomBytes(32).toString('base64url')
    const id = hashOf(token)
    const index = userIndexKeyOf(tag, session.userId)
    for (let attempt = 0; attempt < STALE_RETRIES; attempt++) {
      const ids = await this.redis.smembers(index)
      const answer = await this.redis.eval(
        ROTATE,
        4 + ids.length,
        sessionKeyOf(tag, session.sessionId),
        sessionKeyOf(tag, id),
        index,
        tombstoneKeyOf(tag, session.sessionId),
        ...ids.map((other) => sessionKeyOf(tag, other)),
        ROTATION_GRACE_SECONDS,
        this.ttlSeconds,
        id,
        session.sessionId,
        ...ids,
      )
      if (answer === 'stale') continue
      if (answer === 'rotated')
        return { kind: 'rotated', issued: { token, expiresAt: this.expiryFrom(now) } }
      return { kind: answer === 'reused' ? 'reused' : 'gone' }
    }
    throw new Error('session index kept changing during rotation')
  }

  async revoke(session: Session): Promise<void> {
    const tag = tagOfUser(session.userId)
    await this.redis
      .multi()
      .del(sessionKeyOf(tag, session.sessionId))
      .srem(userIndexKeyOf(tag, session.userId), session.sessionId)
      .exec()
  }

  async revokeAll(userId: string): Promise<void> {
    const tag = tagOfUser(userId)
    const index = userIndexKeyOf(tag, userId)
    const ids = await this.redis.smembers(index)
    const tx = this.redis.multi()
    for (const id of ids) tx.del(sessionKeyOf(tag, id))
    tx.del(index)
    await tx.exec()
  }

  async countActive(userId: string): Promise<number> {
    const tag = tagOfUser(userId)
    const ids = await this.redis.smembers(userIndexKeyOf(tag, userId))
    if (ids.length === 0) return 0
    return this.redis.exists(...ids.map((id) => sessionKeyOf(tag, id)))
  }

  /** A rotated token presented after its grace: the chain it belongs to ends. */
  private async endChainOfReused(tag: string, id: string): Promise<void> {
    const tombstone = tombstoneKeyOf(tag, id)
    for (let attempt = 0; attempt < STALE_RETRIES; attempt++) {
      const raw = await this.redis.get(tombstone)
      if (!raw) return
      const { userId } = JSON.parse(raw) as { userId: string }
      const index = userIndexKeyOf(tag, userId)
      const ids = await this.redis.smembers(index)
      const answer = await this.redis.eval(
        REUSED_AFTER_GRACE,
        2 + ids.length,
        tombstone,
        index,
        ...ids.map((other) => sessionKeyOf(tag, other)),
        userId,
        '',
        ...ids,
      )
      if (answer !== 'stale') return
    }
  }

  private expiryFrom(now: Date): Date {
    return new Date(now.getTime() + this.ttlSeconds * 1000)
  }
}
