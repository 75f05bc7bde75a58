import { z } from 'zod'
import type { Config } from '../platform/config'
import type { SandboxCredentials } from '../platform/sandbox-credentials'

export interface WechatCredentials {
  appId: string
  appSecret: string
}

export interface AlipayCredentials {
  appId: string
  appPrivateKey: string
  alipayPublicKey: string
}

/**
 * The parts of the core sandbox's GET /sandbox/credentials used here (it generates its keys).
 * The mini-program's appid and AppSecret sit in its `wechatpay` section, next to the merchant's.
 */
const SandboxAppCredentials = z
  .object({
    wechatpay: z.object({ appid: z.string().min(1), appSecret: z.string().min(1) }),
    alipay: z.object({
      appId: z.string().min(1),
      appPrivateKey: z.string().min(1),
      alipayPublicKey: z.string().min(1),
    }),
  })
  .transform((c) => ({
    wechat: { appId: c.wechatpay.appid, appSecret: c.wechatpay.appSecret },
    alipay: c.alipay,
  }))
type SandboxAppCredentials = z.output<typeof SandboxAppCredentials>

/**
 * The WeChat and Alipay app credentials: from the environment, or, outside production, from the
 * sandbox, which makes its own keys at start-up. Production never asks the sandbox.
 */
export class PlatformCredentials {
  constructor(
    private readonly config: Pick<Config, 'wechat' | 'alipay'>,
    private readonly sandbox: SandboxCredentials,
  ) {}

  async wechat(): Promise<WechatCredentials> {
    const { appId, appSecret } = this.config.wechat
    if (appId && appSecret) return { appId, appSecret }
    return (await this.fromSandbox('WeChat')).wechat
  }

  async alipay(): Promise<AlipayCredentials> {
    const { appId, appPrivateKey, alipayPublicKey } = this.config.alipay
    if (appId && appPrivateKey && alipayPublicKey) return { appId, appPrivateKey, alipayPublicKey }
    return (await this.fromSandbox('Alipay')).alipay
  }

  private fromSandbox(what: string): Promise<SandboxAppCredentials> {
    return this.sandbox.read(SandboxAppCredentials, what)
  }
}
