import type { KeyObject } from 'node:crypto'
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin'

/**
 * WeChat Pay v3's signing, verification and decryption through wechatpay-axios-plugin's helpers
 * (Formatter for the canonical messages and the Authorization header, Rsa for SHA256-RSA2048,
 * Aes.AesGcm for notification resources). Its axios client is not used: requests go through our
 * upstream client, so the timeout, the retry of idempotent calls only, the port's concurrency
 * limit and circuit breaker, and the metrics hold for WeChat Pay as for every upstream, and a
 * retried request is signed again with a fresh nonce (WeChat Pay refuses one it has seen).
 */

/** The merchant's signing material and the keys WeChat Pay signs with. */
export interface WechatPayKeys {
  mchid: string
  appId: string
  merchantSerial: string
  merchantPrivateKeyPem: string
  apiV3Key: string
  /** Platform certificate serial → its public key, and/or `PUB_KEY_ID_…` → 微信支付公钥. */
  verifiers: Map<string, KeyObject>
}

const MAX_SKEW_S = 300

export const nonce = (): string => Formatter.nonce()

/** `Authorization` of a v3 request, signed over `METHOD\nPATH?query\ntimestamp\nnonce\nbody\n`. */
export function authorization(
  keys: Pick<WechatPayKeys, 'mchid' | 'merchantSerial' | 'merchantPrivateKeyPem'>,
  method: string,
  pathAndQuery: string,
  body: string,
  nowS: number,
  nonceStr: string = nonce(),
): string {
  const message = Formatter.request(method, pathAndQuery, nowS, nonceStr, body)
  const signature = Rsa.sign(message, keys.merchantPrivateKeyPem)
  return Formatter.authorization(keys.mchid, nonceStr, signature, nowS, keys.merchantSerial)
}

type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'missing_headers' | 'stale' | 'unknown_serial' | 'bad_signature' }

/**
 * Responses and notifications: `timestamp\nnonce\nbody\n` over the exact text received, with
 * the key named by `Wechatpay-Serial` (a platform certificate serial or a PUB_KEY_ID_…). The
 * skew and the serial are our checks: the helpers verify a signature, they keep no keys or time.
 */
export function checkSignature(
  keys: Pick<WechatPayKeys, 'verifiers'>,
  headers: Record<string, string | undefined>,
  body: string,
  nowS: number,
): SignatureCheck {
  const timestamp = headers['wechatpay-timestamp']
  const nonceStr = headers['wechatpay-nonce']
  const signature = headers['wechatpay-signature']
  const serial = headers['wechatpay-serial']
  if (!timestamp || !nonceStr || !signature || !serial) {
    return { ok: false, reason: 'missing_headers' }
  }
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowS - Number(timestamp)) > MAX_SKEW_S) {
    return { ok: false, reason: 'stale' }
  }
  const key = keys.verifiers.get(serial)
  if (!key) return { ok: false, reason: 'unknown_serial' }
  let verified = false
  try {
    verified = Rsa.verify(Formatter.response(timestamp, nonceStr, body), signature, key)
  } catch {
    // A malformed signature is a failed check, not a server error.
  }
  return verified ? { ok: true } : { ok: false, reason: 'bad_signature' }
}

/** AEAD_AES_256_GCM under the APIv3 key: base64(ciphertext ‖ 16-byte tag), 12-byte nonce. */
export function decryptResource(
  apiV3Key: string,
  resource: { ciphertext: string; nonce: string; associated_data: string },
): string {
  return Aes.AesGcm.decrypt(resource.ciphertext, apiV3Key, resource.nonce, resource.associated_data)
}

/** `wx.requestPayment`'s paySign: RSA-SHA256 over `appId\ntimeStamp\nnonceStr\npackage\n`. */
export function paySign(
  keys: Pick<WechatPayKeys, 'merchantPrivateKeyPem'>,
  appId: string,
  timeStamp: string,
  nonceStr: string,
  pkg: string,
): string {
  return Rsa.sign(
    Formatter.joinedByLineFeed(appId, timeStamp, nonceStr, pkg),
    keys.merchantPrivateKeyPem,
  )
}

/** The public key inside a PEM certificate, or a PEM public key as it is. */
export function verifierFrom(pem: string): KeyObject {
  return Rsa.from(pem, Rsa.KEY_TYPE_PUBLIC)
}
