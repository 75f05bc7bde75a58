import { createHash, randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'

/** Agent tokens carry their kind, so a log line or a support ticket tells them from residents'. */
const TOKEN_PREFIX = 'agt_'

/**
 * Agent sessions: short (a shift), in their own Redis keys. A resident token is unknown here and
 * an agent token is unknown to the resident sessions, so neither side accepts the other's.
 * Only a hash of the token is stored.
 */
export class AgentSessions {
  constructor(
    private readonly redis: Redis,
    private readonly namespace: string,
    readonly ttlSeconds: number,
  ) {}

  async issue(agentId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url')
    await this.redis.set(this.key(token), agentId, 'EX', this.ttlSeconds)
    return { token, expiresAt: new Date(now.getTime() + this.ttlSeconds * 1000) }
  }

  /** The agent of a live token, with the session's id (the token's hash, never the token). */
  async resolve(token: string): Promise<{ agentId: string; sessionId: string } | null> {
    if (!token.startsWith(TOKEN_PREFIX)) return null
    const sessionId = createHash('sha256').update(token).digest('hex')
    const agentId = await this.redis.get(this.keyOf(sessionId))
    return agentId ? { agentId, sessionId } : null
  }

  /** Ends a session: its token is unknown from now on, on every instance. */
  async revoke(sessionId: string): Promise<void> {
    await this.redis.del(this.keyOf(sessionId))
  }

  private key(token: string): string {
    return this.keyOf(createHash('sha256').update(token).digest('hex'))
  }

  private keyOf(sessionId: string): string {
    return `${this.namespace}:agent-sess:${sessionId}`
  }
}
