import { z } from 'zod'
import type { WechatCredentials } from './wechat-credentials'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'
import type { WechatIdentity, WechatPort } from './wechat-port'

/** WeChat answers HTTP 200 for both outcomes; errors carry a non-zero `errcode`. */
const Code2SessionResponse = z.object({
  openid: z.string().min(1).optional(),
  unionid: z.string().min(1).optional(),
  errcode: z.number().int().optional(),
  errmsg: z.string().optional(),
})

// 40029 invalid code, 40163 code already used, 40226 user blocked by WeChat's risk control.
const USER_CODE_ERRORS = new Set([40029, 40163, 40226])

/** `auth.code2Session` (GET /sns/jscode2session). The session_key is dropped: nothing here needs it. */
export class WechatHttpAdapter implements WechatPort {
  constructor(
    private readonly client: UpstreamClient,
    private readonly credentials: () => Promise<WechatCredentials>,
  ) {}

  async code2Session(code: string): Promise<WechatIdentity | null> {
    const { appId, appSecret } = await this.credentials()
    let answer: z.infer<typeof Code2SessionResponse>
    try {
      answer = await this.client.call({
        operation: 'code2Session',
        method: 'GET',
        path: '/sns/jscode2session',
        query: {
          appid: appId,
          secret: appSecret,
          js_code: code,
          grant_type: 'authorization_code',
        },
        response: Code2SessionResponse,
      })
    } catch (err) {
      // A gateway that maps WeChat errors to 4xx: the code was not accepted.
      if (err instanceof UpstreamError && err.kind === 'rejected') return null
      throw err
    }
    if (answer.errcode !== undefined && answer.errcode !== 0) {
      if (USER_CODE_ERRORS.has(answer.errcode)) return null
      const kind = answer.errcode === -1 || answer.errcode === 45011 ? 'unavailable' : 'rejected'
      throw new UpstreamError('wechat', kind, `code2Session errcode ${answer.errcode}`)
    }
    if (!answer.openid) throw new UpstreamError('wechat', 'bad_response', 'no openid')
    return { openid: answer.openid, unionid: answer.unionid ?? null }
  }
}
