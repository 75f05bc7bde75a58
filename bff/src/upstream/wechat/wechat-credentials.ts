import { z } from 'zod'
import type { Config } from '../../platform/config'
import type { SandboxCredentials } from '../../platform/sandbox-credentials'

export interface WechatCredentials {
  appId: string
  appSecret: string
}

/**
 * The part of the core sandbox's GET /sandbox/credentials used here (it generates its keys).
 * The mini-program's appid and AppSecret sit in its `wechatpay` section, next to the merchant's.
 */
const SandboxWechat = z
  .object({ wechatpay: z.object({ appid: z.string().min(1), appSecret: z.string().min(1) }) })
  .transform((c) => ({ appId: c.wechatpay.appid, appSecret: c.wechatpay.appSecret }))

/**
 * The mini-program's appid and AppSecret: from the environment, or, outside production, from the
 * sandbox, which makes its own keys at start-up. Production never asks the sandbox.
 */
export function wechatCredentials(
  config: Pick<Config, 'wechat'>,
  sandbox: SandboxCredentials,
): () => Promise<WechatCredentials> {
  return async () => {
    const { appId, appSecret } = config.wechat
    if (appId && appSecret) return { appId, appSecret }
    return sandbox.read(SandboxWechat, 'WeChat')
  }
}
