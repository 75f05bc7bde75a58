import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { AgentLinkPage, AgentRole } from '@gh/shared'
import type { Redis } from '../platform/redis'

export interface AgentLinkGrant {
  accountNo: string
  page: AgentLinkPage
  agentName: string
  /** Set for a workbench task: who sent it and the task the redeeming marks opened. */
  agentRole?: AgentRole
  taskId?: string
  /** The page a task opens, when it is not one of the link pages. */
  landing?: string
  issuedAt: string
  expiresAt: string
  /** Set once the link has bound the account to someone: it binds nobody else after. */
  redeemedBy: string | null
  redeemedAt: string | null
}

// Takes the link for a user: only when unused, or already used by that same user.
const REDEEM = `
local raw = redis.call('GET', KEYS[1])
if not raw then return nil end
local grant = cjson.decode(raw)
if grant.redeemedBy ~= cjson.null and grant.redeemedBy ~= ARGV[1] then return 'taken' end
grant.redeemedBy = ARGV[1]
if grant.redeemedAt == cjson.null then grant.redeemedAt = ARGV[2] end
redis.call('SET', KEYS[1], cjson.encode(grant), 'KEEPTTL')
return cjson.encode(grant)`

/**
 * Agent links in Redis. The token is `<id>.<mac>`: a forged or mistyped token is refused by the
 * HMAC before Redis is asked, and the id alone (96 random bits) is what is stored.
 */
export class AgentLinkStore {
  constructor(
    private readonly redis: Redis,
    private readonly secret: string,
    private readonly namespace: string,
  ) {}

  async issue(
    grant: Omit<AgentLinkGrant, 'redeemedBy' | 'redeemedAt'>,
    ttlSeconds: number,
  ): Promise<string> {
    const id = randomBytes(12).toString('base64url')
    const stored: AgentLinkGrant = { ...grant, redeemedBy: null, redeemedAt: null }
    const accountKey = this.accountKey(grant.accountNo)
    // Listed before it exists, so no stored link escapes a voiding; one key per command, as the
    // two keys may sit on different Redis Cluster nodes. The list lives as long as its
    // longest-lived link.
    await this.redis.sadd(accountKey, id)
    await this.redis.expire(accountKey, ttlSeconds, 'NX')
    await this.redis.expire(accountKey, ttlSeconds, 'GT')
    await this.redis.set(this.key(id), JSON.stringify(stored), 'EX', ttlSeconds)
    return `${id}.${this.mac(id)}`
  }

  /**
   * Ends every link of the account, redeemed or not: the agent vouched for the holder of the
   * time, and after a 过户 / 销户 that vouching is worth nothing (a redeemed link would bind its
   * redeemer again).
   */
  async voidAccount(accountNo: string): Promise<void> {
    const accountKey = this.accountKey(accountNo)
    const ids = await this.redis.smembers(accountKey)
    for (const id of ids) await this.redis.del(this.key(id))
    // Only those voided leave the list: a link issued meanwhile stays listed.
    if (ids.length > 0) await this.redis.srem(accountKey, ...ids)
  }

  async find(token: string): Promise<AgentLinkGrant | null> {
    const id = this.verified(token)
    if (!id) return null
    const raw = await this.redis.get(this.key(id))
    return raw ? (JSON.parse(raw) as AgentLinkGrant) : null
  }

  async redeem(token: string, userId: string, at: Date): Promise<AgentLinkGrant | 'taken' | null> {
    const id = this.verified(token)
    if (!id) return null
    const answer = await this.redis.eval(REDEEM, 1, this.key(id), userId, at.toISOString())
    if (answer === null) return null
    if (answer === 'taken') return 'taken'
    return JSON.parse(String(answer)) as AgentLinkGrant
  }

  private verified(token: string): string | null {
    const [id, mac] = token.split('.')
    if (!id || !mac) return null
    const expected = Buffer.from(this.mac(id))
    const given = Buffer.from(mac)
    return given.length === expected.length && timingSafeEqual(given, expected) ? id : null
  }

  private mac(id: string): string {
    return createHmac('sha256', this.secret)
      .update(`agent-link:${id}`)
      .digest('base64url')
      .slice(0, 12)
  }

  private key(id: string): string {
    return `${this.namespace}:agent-link:${id}`
  }

  private accountKey(accountNo: string): string {
    return `${this.namespace}:agent-links-of:${accountNo}`
  }
}
