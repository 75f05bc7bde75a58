import { createCipheriv, createVerify, generateKeyPairSync, randomBytes } from 'node:crypto'
import { rawResponseText } from '../src/upstream/alipay/alipay-gateway-client'
import {
  authorization,
  checkSignature,
  decryptResource,
  paySign,
  rsaSign,
  verifierFrom,
  type WechatPayKeys,
} from '../src/upstream/wechatpay/wechatpay-signing'

const pem = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
const merchant = pem()
const platform = pem()
const apiV3Key = randomBytes(16).toString('hex')
const keys: WechatPayKeys = {
  mchid: '1900006511',
  appId: 'wx5a1c6e8b3d2f4097',
  merchantSerial: 'ABC123',
  merchantPrivateKeyPem: merchant.privateKey,
  apiV3Key,
  verifiers: new Map([['PUB_KEY_ID_0119000065112026', verifierFrom(platform.publicKey)]]),
}

function signedHeaders(body: string, timestamp: number, serial = 'PUB_KEY_ID_0119000065112026') {
  const nonce = 'n0nce'
  return {
    'wechatpay-timestamp': String(timestamp),
    'wechatpay-nonce': nonce,
    'wechatpay-serial': serial,
    'wechatpay-signature': rsaSign(`${timestamp}\n${nonce}\n${body}\n`, platform.privateKey),
  }
}

describe('WeChat Pay v3 signatures', () => {
  const now = 1_764_000_000

  test('when a request is signed, then the merchant key verifies the exact canonical message', () => {
    const auth = authorization(keys, 'POST', '/v3/pay/transactions/jsapi', '{"a":1}', now, 'N1')
    const signature = /signature="([^"]+)"/.exec(auth)?.[1] ?? ''
    expect(auth).toMatch(/^WECHATPAY2-SHA256-RSA2048 mchid="1900006511",nonce_str="N1"/)
    expect(auth).toContain('serial_no="ABC123"')
    const ok = createVerify('RSA-SHA256')
      .update(`POST\n/v3/pay/transactions/jsapi\n${now}\nN1\n{"a":1}\n`)
      .verify(merchant.publicKey, signature, 'base64')
    expect(ok).toBe(true)
  })

  test('when an answer is signed over its exact bytes, then it verifies; a changed byte, old timestamp or unknown serial does not', () => {
    const body = '{"prepay_id":"wx1"}'
    expect(checkSignature(keys, signedHeaders(body, now), body, now)).toEqual({ ok: true })
    expect(checkSignature(keys, signedHeaders(body, now), '{"prepay_id":"wx2"}', now)).toEqual({
      ok: false,
      reason: 'bad_signature',
    })
    expect(checkSignature(keys, signedHeaders(body, now - 301), body, now)).toEqual({
      ok: false,
      reason: 'stale',
    })
    expect(checkSignature(keys, signedHeaders(body, now, 'OTHER'), body, now)).toEqual({
      ok: false,
      reason: 'unknown_serial',
    })
    const { 'wechatpay-nonce': _gone, ...partial } = signedHeaders(body, now)
    expect(checkSignature(keys, partial, body, now)).toEqual({
      ok: false,
      reason: 'missing_headers',
    })
  })

  test('when a notification resource is AES-256-GCM encrypted with the tag appended, then it decrypts, and a tampered one throws', () => {
    const nonce = 'abcdefghijkl'
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key), Buffer.from(nonce))
    cipher.setAAD(Buffer.from('transaction'))
    const data = Buffer.concat([cipher.update('{"out_trade_no":"GH1"}'), cipher.final()])
    const ciphertext = Buffer.concat([data, cipher.getAuthTag()]).toString('base64')
    const resource = { ciphertext, nonce, associated_data: 'transaction' }
    expect(decryptResource(apiV3Key, resource)).toBe('{"out_trade_no":"GH1"}')
    expect(() => decryptResource(apiV3Key, { ...resource, associated_data: 'x' })).toThrow()
  })

  test('when requestPayment parameters are signed, then paySign covers appId, timeStamp, nonceStr and package', () => {
    const sign = paySign(keys, keys.appId, '1764000000', 'N2', 'prepay_id=wx1')
    const ok = createVerify('RSA-SHA256')
      .update(`${keys.appId}\n1764000000\nN2\nprepay_id=wx1\n`)
      .verify(merchant.publicKey, sign, 'base64')
    expect(ok).toBe(true)
  })
})

describe('Alipay signed answers', () => {
  test('when the response text escapes slashes and nests braces in strings, then the raw value is cut out byte for byte', () => {
    const inner = '{"code":"10000","msg":"Success","url":"https:\\/\\/x.cn\\/a","note":"a}\\"{b"}'
    const text = `{"alipay_trade_query_response":${inner},"sign":"abc"}`
    expect(rawResponseText(text, 'alipay_trade_query_response')).toBe(inner)
    expect(rawResponseText(text, 'error_response')).toBeNull()
  })
})
