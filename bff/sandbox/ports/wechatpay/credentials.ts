import type { MiniProgramIdentity } from '../wechat'
import type { WechatPay } from './service'

/**
 * The `wechatpay` section of GET /sandbox/credentials: what a merchant copies from the WeChat Pay
 * and mini-program consoles, for this sandbox. `baseUrl` takes the place of
 * https://api.mch.weixin.qq.com/ and `apiBaseUrl` of https://api.weixin.qq.com.
 */
export function wechatpayCredentials(pay: WechatPay, app: MiniProgramIdentity, origin: string) {
  const { material, settings } = pay
  return {
    baseUrl: `${origin}/wechatpay/`,
    apiBaseUrl: origin,
    mchid: material.mchid,
    appid: material.appid,
    appSecret: app.appSecret,
    merchantPrivateKeyPem: material.merchant.privateKeyPem,
    merchantCertificatePem: material.merchant.certificatePem,
    merchantCertificateSerial: material.merchant.serialNo,
    apiV3Key: material.apiV3Key,
    platformCertificatePem: material.platform.certificatePem,
    platformCertificateSerial: material.platform.serialNo,
    wechatpayPublicKeyPem: material.publicKey.publicKeyPem,
    wechatpayPublicKeyId: material.publicKey.id,
    serialMode: settings.serialMode,
  }
}
