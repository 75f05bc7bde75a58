import { z } from 'zod'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'
import type { WechatAccessTokens } from './access-token'
import type { SendResult, SubscribeMessage, SubscribeMessagesPort } from './wechat-port'

const SendResponse = z.object({ errcode: z.number().int(), errmsg: z.string().optional() })

const TOKEN_INVALID = new Set([40001, 42001])

/** subscribeMessage.send. Not retried blindly: a repeat would deliver a second message. */
export class WechatSubscribeMessages implements SubscribeMessagesPort {
  constructor(
    private readonly client: UpstreamClient,
    private readonly tokens: WechatAccessTokens,
  ) {}

  async send(message: SubscribeMessage): Promise<SendResult> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.tokens.get()
      const answer = await this.client.call({
        operation: 'sendSubscribeMessage',
        method: 'POST',
        path: '/cgi-bin/message/subscribe/send',
        query: { access_token: token },
        body: {
          touser: message.openid,
          template_id: message.templateId,
          page: message.page,
          lang: 'zh_CN',
          data: Object.fromEntries(
            Object.entries(message.data).map(([key, value]) => [key, { value }]),
          ),
        },
        response: SendResponse,
      })
      if (answer.errcode === 0) return 'sent'
      if (answer.errcode === 43101) return 'not_subscribed'
      // An invalid token was refused before anything was sent, so one retry is safe.
      if (TOKEN_INVALID.has(answer.errcode) && attempt === 0) {
        await this.tokens.forget(token)
        continue
      }
      throw new UpstreamError('wechat', 'rejected', `subscribe send errcode ${answer.errcode}`)
    }
  }
}
