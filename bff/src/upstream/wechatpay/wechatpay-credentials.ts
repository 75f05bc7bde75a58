import type { KeyObject } from 'node:crypto'
import { z } from 'zod'
import type { AlipayCredentials, PlatformCredentials } from '../../auth/platform-credentials'
import type { Config } from '../../platform/config'
import type { SandboxCredentials } from '../../platform/sandbox-credentials'
import { verifierFrom, type WechatPayKeys } from '../../upstream/wechatpay/wechatpay-signing'

/** The parts of the sandbox's GET /sandbox/credentials the payment adapters use. */
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
type SandboxPayCredentials = z.infer<typeof SandboxPayCredentials>

type PayConfig = Pick<Config, 'wechat' | 'payments'>

/**
 * Merchant keys from the environment, or, outside production, from the sandbox (which makes its
 * own at start-up), as the login credentials do. Production never asks the sandbox.
 */
export class PaymentCredentials {
  private wechatKeys: Promise<WechatPayKeys> | undefined

  constructor(
    private readonly config: PayConfig,
    private readonly sandbox: SandboxCredentials,
    private readonly app: PlatformCredentials,
  ) {}

  wechatpay(): Promise<WechatPayKeys> {
    this.wechatKeys ??= this.loadWechatpay().catch((err: unknown) => {
      this.wechatKeys = undefined
      throw err
    })
    return this.wechatKeys
  }

  /** The Alipay app's keys sign both logins and trades: the same source as the login's. */
  alipay(): Promise<AlipayCredentials> {
    return this.app.alipay()
  }

  private async loadWechatpay(): Promise<WechatPayKeys> {
    const w = this.config.payments.wechatpay
    const appId = this.config.wechat.appId
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
    const s = (await this.fromSandbox('WeChat Pay')).wechatpay
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

  private fromSandbox(what: string): Promise<SandboxPayCredentials> {
    return this.sandbox.read(SandboxPayCredentials, what)
  }
}
