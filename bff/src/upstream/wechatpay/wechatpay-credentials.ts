import type { KeyObject } from 'node:crypto'
import { z } from 'zod'
import type { Config } from '../../platform/config'
import type { SandboxCredentials } from '../../platform/sandbox-credentials'
import { verifierFrom, type WechatPayKeys } from './wechatpay-sdk'

/** The part of the sandbox's GET /sandbox/credentials the WeChat Pay adapters use. */
const SandboxPayCredentials = z.object({
  wechatpay: z.object({
    mchid: z.string().min(1),
    appid: z.string().min(1),
    merchantPrivateKeyPem: z.string().min(1),
    merchantCertificateSerial: z.string().min(1),
    apiV3Key: z.string().length(32),
    platformCertificatePem: z.string().min(1),
    platformCertificateSerial: z.string().min(1),
    wechatpayPublicKeyPem: z.string().min(1),
    wechatpayPublicKeyId: z.string().min(1),
  }),
})

type PayConfig = Pick<Config, 'wechat' | 'payments'>

/**
 * The merchant's keys from the environment, or, outside production, from the sandbox (which makes
 * its own at start-up), as the login credentials do. Production never asks the sandbox. Loaded
 * once; a failed load is not kept, so the next call tries again.
 */
export function wechatPayKeys(
  config: PayConfig,
  sandbox: SandboxCredentials,
): () => Promise<WechatPayKeys> {
  let loaded: Promise<WechatPayKeys> | undefined
  const load = async (): Promise<WechatPayKeys> => {
    const w = config.payments.wechatpay
    const appId = config.wechat.appId
    const hasVerifier =
      (w.publicKey && w.publicKeyId) || (w.platformCertificate && w.platformSerial)
    if (appId && w.mchid && w.merchantSerial && w.merchantPrivateKey && w.apiV3Key && hasVerifier) {
      const verifiers = new Map<string, KeyObject>()
      if (w.publicKey && w.publicKeyId) verifiers.set(w.publicKeyId, verifierFrom(w.publicKey))
      if (w.platformCertificate && w.platformSerial) {
        verifiers.set(w.platformSerial, verifierFrom(w.platformCertificate))
      }
      return {
        mchid: w.mchid,
        appId,
        merchantSerial: w.merchantSerial,
        merchantPrivateKeyPem: w.merchantPrivateKey,
        apiV3Key: w.apiV3Key,
        verifiers,
      }
    }
    const s = (await sandbox.read(SandboxPayCredentials, 'WeChat Pay')).wechatpay
    return {
      mchid: s.mchid,
      appId: s.appid,
      merchantSerial: s.merchantCertificateSerial,
      merchantPrivateKeyPem: s.merchantPrivateKeyPem,
      apiV3Key: s.apiV3Key,
      verifiers: new Map([
        [s.wechatpayPublicKeyId, verifierFrom(s.wechatpayPublicKeyPem)],
        [s.platformCertificateSerial, verifierFrom(s.platformCertificatePem)],
      ]),
    }
  }
  return () => {
    loaded ??= load().catch((err: unknown) => {
      loaded = undefined
      throw err
    })
    return loaded
  }
}
