import { z } from 'zod'
import type { Config } from '../../platform/config'
import type { SandboxCredentials } from '../../platform/sandbox-credentials'

/** The Alipay app's keys: they sign both logins and trades. */
export interface AlipayCredentials {
  appId: string
  appPrivateKey: string
  alipayPublicKey: string
}

/** The part of the core sandbox's GET /sandbox/credentials used here (it generates its keys). */
const SandboxAlipay = z
  .object({
    alipay: z.object({
      appId: z.string().min(1),
      appPrivateKey: z.string().min(1),
      alipayPublicKey: z.string().min(1),
    }),
  })
  .transform((c) => c.alipay)

/**
 * The Alipay app's keys: from the environment, or, outside production, from the sandbox, which
 * makes its own keys at start-up. Production never asks the sandbox.
 */
export function alipayCredentials(
  config: Pick<Config, 'alipay'>,
  sandbox: SandboxCredentials,
): () => Promise<AlipayCredentials> {
  return async () => {
    const { appId, appPrivateKey, alipayPublicKey } = config.alipay
    if (appId && appPrivateKey && alipayPublicKey) return { appId, appPrivateKey, alipayPublicKey }
    return sandbox.read(SandboxAlipay, 'Alipay')
  }
}
