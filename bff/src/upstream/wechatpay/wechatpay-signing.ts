import {
  createDecipheriv,
  createPublicKey,
  createSign,
  createVerify,
  randomBytes,
  X509Certificate,
  type KeyObject,
} from 'node:crypto'

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

export function nonce(): string {
  return randomBytes(16).toString('hex').toUpperCase()
}

export function rsaSign(message: string, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKeyPem, 'base64')
}

/** `Authorization` of a v3 request, signed over `METHOD\nPATH?query\ntimestamp\nnonce\nbody\n`. */
export function authorization(
  keys: WechatPayKeys,
  method: string,
  pathAndQuery: string,
  body: string,
  nowS: number,
  nonceStr: string = nonce(),
): string {
  const timestamp = String(nowS)
  const message = `${method}\n${pathAndQuery}\n${timestamp}\n${nonceStr}\n${body}\n`
  const signature = rsaSign(message, keys.merchantPrivateKeyPem)
  return (
    `WECHATPAY2-SHA256-RSA2048 mchid="${keys.mchid}",nonce_str="${nonceStr}",` +
    `timestamp="${timestamp}",serial_no="${keys.merchantSerial}",signature="${signature}"`
  )
}

type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'missing_headers' | 'stale' | 'unknown_serial' | 'bad_signature' }

/**
 * Responses and notifications: `timestamp\nnonce\nbody\n` over the exact bytes received, with
 * the key named by `Wechatpay-Serial` (a platform certificate serial or a PUB_KEY_ID_…).
 */
export function checkSignature(
  keys: Pick<WechatPayKeys, 'verifiers'>,
  headers: Record<string, string | undefined>,
  body: string | Buffer,
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
  const message = Buffer.concat([
    Buffer.from(`${timestamp}\n${nonceStr}\n`),
    Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
    Buffer.from('\n'),
  ])
  return rsaVerifies(message, signature, key)
    ? { ok: true }
    : { ok: false, reason: 'bad_signature' }
}

function rsaVerifies(message: Buffer, signature: string, key: KeyObject): boolean {
  try {
    return createVerify('RSA-SHA256').update(message).verify(key, signature, 'base64')
  } catch {
    return false
  }
}

/** AEAD_AES_256_GCM under the APIv3 key: base64(ciphertext ‖ 16-byte tag), 12-byte nonce. */
export function decryptResource(
  apiV3Key: string,
  resource: { ciphertext: string; nonce: string; associated_data: string },
): string {
  const data = Buffer.from(resource.ciphertext, 'base64')
  if (data.length < 17) throw new Error('ciphertext too short')
  const tag = data.subarray(data.length - 16)
  const decipher = createDecipheriv(
    'aes-256-gcm',
    Buffer.from(apiV3Key, 'utf8'),
    Buffer.from(resource.nonce, 'utf8'),
  )
  decipher.setAuthTag(tag)
  decipher.setAAD(Buffer.from(resource.associated_data, 'utf8'))
  return Buffer.concat([
    decipher.update(data.subarray(0, data.length - 16)),
    decipher.final(),
  ]).toString('utf8')
}

/** `wx.requestPayment`'s paySign: RSA-SHA256 over `appId\ntimeStamp\nnonceStr\npackage\n`. */
export function paySign(
  keys: Pick<WechatPayKeys, 'merchantPrivateKeyPem'>,
  appId: string,
  timeStamp: string,
  nonceStr: string,
  pkg: string,
): string {
  return rsaSign(`${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`, keys.merchantPrivateKeyPem)
}

/** The public key inside a PEM certificate, or a PEM public key as it is. */
export function verifierFrom(pem: string): KeyObject {
  return pem.includes('CERTIFICATE') ? new X509Certificate(pem).publicKey : createPublicKey(pem)
}
