import { z } from 'zod'
import { AlipayBusinessError, type AlipayGatewayClient } from './alipay-gateway-client'
import type { AlipayMessagesPort, AlipaySendResult, AlipayTemplateMessage } from './alipay-port'

const SendAnswer = z.object({ code: z.string().optional() })

const USER_ID = /^2088\d{12}$/

/**
 * `alipay.open.app.mini.templatemessage.send`. Not retried after a timeout: a repeat would
 * deliver a second message. A business refusal (40004 and the like) means Alipay will not
 * deliver this message to this user; the caller falls back to another channel.
 */
export class AlipayTemplateMessages implements AlipayMessagesPort {
  constructor(private readonly gateway: AlipayGatewayClient) {}

  async send(message: AlipayTemplateMessage): Promise<AlipaySendResult> {
    const to = USER_ID.test(message.toUser)
      ? { to_user_id: message.toUser }
      : { to_open_id: message.toUser }
    const data = Object.fromEntries(
      Object.entries(message.data).map(([keyword, value]) => [keyword, { value }]),
    )
    try {
      await this.gateway.exec(
        'alipay.open.app.mini.templatemessage.send',
        {
          bizContent: {
            ...to,
            user_template_id: message.templateId,
            page: message.page,
            data: JSON.stringify(data),
          },
        },
        SendAnswer,
      )
      return 'sent'
    } catch (err) {
      if (err instanceof AlipayBusinessError && err.code.startsWith('40')) return 'refused'
      throw err
    }
  }
}
