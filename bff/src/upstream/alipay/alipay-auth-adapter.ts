import { z } from 'zod'
import { AlipayBusinessError, type AlipayGatewayClient } from './alipay-gateway-client'
import type { AlipayAuthPort, AlipayIdentity } from './alipay-port'

const OauthToken = z
  .object({ user_id: z.string().min(1).optional(), open_id: z.string().min(1).optional() })
  .refine((t) => t.user_id !== undefined || t.open_id !== undefined)

/** `alipay.system.oauth.token`; the access token is dropped: nothing here calls on the user's behalf. */
export class AlipayAuthAdapter implements AlipayAuthPort {
  constructor(private readonly gateway: AlipayGatewayClient) {}

  async exchangeAuthCode(authCode: string): Promise<AlipayIdentity | null> {
    try {
      const token = await this.gateway.exec(
        'alipay.system.oauth.token',
        { grant_type: 'authorization_code', code: authCode },
        OauthToken,
      )
      return { subject: token.open_id ?? token.user_id ?? '' }
    } catch (err) {
      // 40002 with isv.code-invalid and the like: the code is no good, the user retries.
      if (err instanceof AlipayBusinessError && err.code === '40002') return null
      throw err
    }
  }
}
