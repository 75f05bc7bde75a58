import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { Config } from '../../platform/config'
import type { SandboxCredentials } from '../../platform/sandbox-credentials'

/** 公钥证书 mode: the three certificates the open platform hands out, as PEM text. */
export interface AlipayCertificates {
  appCert: string
  alipayPublicCert: string
  alipayRootCert: string
}

/**
 * The Alipay app's keys: they sign both logins and trades. Either Alipay's public key, or (in
 * 公钥证书 mode) the certificates, from which the public key is read.
 */
export type AlipayCredentials = {
  appId: string
  appPrivateKey: string
} & ({ alipayPublicKey: string; certificates?: undefined } | { certificates: AlipayCertificates })

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

/** A certificate setting is the PEM itself or the path of the file the console downloaded. */
function pemOrFile(value: string): string {
  // An env file may carry the PEM on one line with `\n` escapes.
  return value.includes('-----BEGIN') ? value.replaceAll('\\n', '\n') : readFileSync(value, 'utf8')
}

/**
 * The Alipay app's keys: from the environment, or, outside production, from the sandbox, which
 * makes its own keys at start-up (in public-key mode). Production never asks the sandbox.
 */
export function alipayCredentials(
  config: Pick<Config, 'alipay'>,
  sandbox: SandboxCredentials,
): () => Promise<AlipayCredentials> {
  return async () => {
    const { appId, appPrivateKey, alipayPublicKey, appCert, alipayPublicCert, alipayRootCert } =
      config.alipay
    if (appId && appPrivateKey && appCert && alipayPublicCert && alipayRootCert) {
      const certificates = {
        appCert: pemOrFile(appCert),
        alipayPublicCert: pemOrFile(alipayPublicCert),
        alipayRootCert: pemOrFile(alipayRootCert),
      }
      return { appId, appPrivateKey, certificates }
    }
    if (appId && appPrivateKey && alipayPublicKey) return { appId, appPrivateKey, alipayPublicKey }
    return sandbox.read(SandboxAlipay, 'Alipay')
  }
}
