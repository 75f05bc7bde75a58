import { z } from 'zod'
import { AppError } from '../platform/app-error'
import type { Config } from '../platform/config'
import type { UpstreamClient } from '../platform/upstream-client'

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
const SandboxCredentials = z
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
type SandboxCredentials = z.output<typeof SandboxCredentials>

function notConfigured(what: string): AppError {
  return new AppError('UPSTREAM_UNAVAILABLE', 503, {
    message: `${what} credentials are not configured`,
    isCatastrophic: false,
  })
}

/**
 * The WeChat and Alipay app credentials: from the environment, or, outside production, from the
 * sandbox, which makes its own keys at start-up. Production never asks the sandbox.
 */
export class PlatformCredentials {
  private sandbox: Promise<SandboxCredentials> | undefined

  constructor(
    private readonly config: Pick<Config, 'env' | 'wechat' | 'alipay'>,
    private readonly sandboxClient: UpstreamClient | undefined,
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

  private fromSandbox(what: string): Promise<SandboxCredentials> {
    const client = this.sandboxClient
    if (this.config.env === 'production' || !client) return Promise.reject(notConfigured(what))
    this.sandbox ??= client
      .call({
        operation: 'credentials',
        method: 'GET',
        path: '/sandbox/credentials',
        response: SandboxCredentials,
      })
      .catch((err: unknown) => {
        // Not cached: the sandbox may simply not be up yet.
        this.sandbox = undefined
        throw err
      })
    return this.sandbox
  }
}
