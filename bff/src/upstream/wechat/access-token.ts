import { z } from 'zod'
import type { WechatCredentials } from './wechat-credentials'
import type { Redis } from '../../platform/redis'
import type { WithLock } from '../../platform/redis-lock'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'

const TokenResponse = z.object({
  access_token: z.string().min(1).optional(),
  expires_in: z.number().int().positive().optional(),
  errcode: z.number().int().optional(),
  errmsg: z.string().optional(),
})

/** Tokens are renewed this long before WeChat would expire them. */
const MARGIN_SECONDS = 300

/**
 * The mini-program's access_token, shared by every instance through Redis: WeChat allows a
 * limited number of fetches a day and a new token retires the old one after a short overlap,
 * so instances must not each fetch their own. A refresh runs under a lock; the others wait and
 * read what it stored.
 */
export class WechatAccessTokens {
  private readonly key: string

  constructor(
    private readonly client: UpstreamClient,
    private readonly credentials: () => Promise<WechatCredentials>,
    private readonly redis: Redis,
    private readonly lock: WithLock,
    namespace: string,
  ) {
    this.key = `${namespace}:wechat:access-token`
  }

  async get(): Promise<string> {
    const cached = await this.redis.get(this.key)
    if (cached) return cached
    return this.lock('wechat-access-token', async () => {
      const again = await this.redis.get(this.key)
      return again ?? this.fetch()
    })
  }

  /** After WeChat said the token is invalid (40001/42001): the next get() fetches anew. */
  async forget(token: string): Promise<void> {
    if ((await this.redis.get(this.key)) === token) await this.redis.del(this.key)
  }

  private async fetch(): Promise<string> {
    const { appId, appSecret } = await this.credentials()
    const answer = await this.client.call({
      operation: 'getAccessToken',
      method: 'GET',
      path: '/cgi-bin/token',
      query: { grant_type: 'client_credential', appid: appId, secret: appSecret },
      response: TokenResponse,
    })
    if (!answer.access_token || !answer.expires_in) {
      throw new UpstreamError('wechat', 'rejected', `getAccessToken errcode ${answer.errcode}`)
    }
    const ttl = Math.max(60, answer.expires_in - MARGIN_SECONDS)
    await this.redis.set(this.key, answer.access_token, 'EX', ttl)
    return answer.access_token
  }
}
