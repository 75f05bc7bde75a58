import type { AlipayState } from './state'

/**
 * What a merchant copies from the Alipay open platform console, for this sandbox. Fed straight
 * into alipay-sdk: `new AlipaySdk({ appId, privateKey: appPrivateKey, alipayPublicKey, gateway })`,
 * or in 公钥证书 mode `{ …, appCertContent: appCertPem, alipayPublicCertContent: alipayCertPem,
 * alipayRootCertContent: alipayRootCertPem }` instead of `alipayPublicKey`.
 */
export function alipayCredentials(state: AlipayState, origin: string) {
  return {
    gateway: `${origin}/gateway.do`,
    appId: state.appId,
    sellerId: state.pid,
    signType: 'RSA2' as const,
    keyType: 'PKCS1' as const,
    appPrivateKey: state.keys.appPrivateKey,
    appPrivateKeyPkcs8: state.keys.appPrivateKeyPkcs8,
    appPublicKey: state.keys.appPublicKey,
    alipayPublicKey: state.keys.alipayPublicKey,
    appCertPem: state.certs.appCertPem,
    alipayCertPem: state.certs.alipayCertPem,
    alipayRootCertPem: state.certs.rootCertPem,
    loginCodes: 'sandbox-<name>: the same user_id/open_id for the same name every time',
  }
}

export type AlipayCredentials = ReturnType<typeof alipayCredentials>
