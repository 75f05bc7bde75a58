import type { KeyObject } from 'node:crypto'
import { z } from 'zod'
import type { AlipayCredentials } from '../../auth/platform-credentials'
import { AppError } from '../../platform/app-error'
import type { Config } from '../../platform/config'
import type { UpstreamClient } from '../../platform/upstream-client'
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
  alipay: z.object({
    appId: z.string().min(1),
    appPrivateKey: z.string().min(1),
    alipayPublicKey: z.string().min(1),
  }),
})
type SandboxPayCredentials = z.infer<typeof SandboxPayCredentials>

function notConfigured(what: string): AppError {
  return new AppError('UPSTREAM_UNAVAILABLE', 503, {
    message: `${what} payment credentials are not configured`,
    isCatastrophic: false,
  })
}

type PayConfig = Pick<Config, 'env' | 'wechat' | 'alipay' | 'payments'>

/**
 * Merchant keys from the environment, or, outside production, from the sandbox (which makes its
 * own at start-up), as the login credentials do. Production never asks the sandbox.
 */
export class PaymentCredentials {
  private sandbox: Promise<SandboxPayCredentials> | undefined
  private wechatKeys: Promise<WechatPayKeys> | undefined

  constructor(
    private readonly config: PayConfig,
    private readonly sandboxClient: UpstreamClient | undefined,
  ) {}

  wechatpay(): Promise<WechatPayKeys> {
    this.wechatKeys ??= this.loadWechatpay().catch((err: unknown) => {
      this.wechatKeys = undefined
      throw err
    })
    return this.wechatKeys
  }

  async alipay(): Promise<AlipayCredentials> {
    const { appId, appPrivateKey, alipayPublicKey } = this.config.alipay
    if (appId && appPrivateKey && alipayPublicKey) return { appId, appPrivateKey, alipayPublicKey }
    return (await this.fromSandbox('Alipay')).alipay
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
    const client = this.sandboxClient
    if (this.config.env === 'production' || !client) return Promise.reject(notConfigured(what))
    this.sandbox ??= client
      .call({
        operation: 'credentials',
        method: 'GET',
        path: '/sandbox/credentials',
        response: SandboxPayCredentials,
      })
      .catch((err: unknown) => {
        // Not cached: the sandbox may simply not be up yet.
        this.sandbox = undefined
        throw err
      })
    return this.sandbox
  }
}
