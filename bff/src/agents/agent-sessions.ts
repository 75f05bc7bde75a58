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

  async resolve(token: string): Promise<string | null> {
    if (!token.startsWith(TOKEN_PREFIX)) return null
    return this.redis.get(this.key(token))
  }

  private key(token: string): string {
    return `${this.namespace}:agent-sess:${createHash('sha256').update(token).digest('hex')}`
  }
}
