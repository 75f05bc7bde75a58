import {
  createCipheriv,
  createSign,
  createVerify,
  generateKeyPairSync,
  randomBytes,
} from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { AlipaySdk } from 'alipay-sdk'
import { Formatter, Rsa } from 'wechatpay-axios-plugin'
import { z } from 'zod'
import {
  generateRsaKeyPair,
  issuedCertificate,
  randomSerialHex,
  selfSignedCertificate,
} from '../sandbox/keys'
import { createLogger } from '../src/platform/logger'
import { createMetrics } from '../src/platform/metrics'
import { UpstreamClient } from '../src/platform/upstream-client'
import type { AlipayCredentials } from '../src/upstream/alipay/alipay-credentials'
import { AlipayGatewayClient } from '../src/upstream/alipay/alipay-gateway-client'
import { alipaySdk } from '../src/upstream/alipay/alipay-sdk'
import {
  authorization,
  checkSignature,
  decryptResource,
  paySign,
  verifierFrom,
  type WechatPayKeys,
} from '../src/upstream/wechatpay/wechatpay-sdk'

afterEach(() => jest.restoreAllMocks())

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
    'wechatpay-signature': createSign('RSA-SHA256')
      .update(`${timestamp}\n${nonce}\n${body}\n`)
      .sign(platform.privateKey, 'base64'),
  }
}

describe('WeChat Pay v3 signatures', () => {
  const now = 1_764_000_000

  test('when a request is signed, then the merchant key verifies the exact canonical message', () => {
    const auth = authorization(keys, 'POST', '/v3/pay/transactions/jsapi', '{"a":1}', now, 'N1')
    const signature = /signature="([^"]+)"/.exec(auth)?.[1] ?? ''
    expect(auth).toMatch(/^WECHATPAY2-SHA256-RSA2048 mchid="1900006511",/)
    expect(auth).toContain('nonce_str="N1"')
    expect(auth).toContain(`timestamp="${now}"`)
    expect(auth).toContain('serial_no="ABC123"')
    const ok = createVerify('RSA-SHA256')
      .update(`POST\n/v3/pay/transactions/jsapi\n${now}\nN1\n{"a":1}\n`)
      .verify(merchant.publicKey, signature, 'base64')
    expect(ok).toBe(true)
  })

  test('when a request is signed, then wechatpay-axios-plugin formats the message and signs it', () => {
    const sign = jest.spyOn(Rsa, 'sign')
    const auth = authorization(
      keys,
      'GET',
      '/v3/bill/tradebill?bill_date=2026-11-25',
      '',
      now,
      'N3',
    )
    expect(sign).toHaveBeenCalledTimes(1)
    expect(sign).toHaveBeenCalledWith(
      Formatter.request('GET', '/v3/bill/tradebill?bill_date=2026-11-25', now, 'N3', ''),
      merchant.privateKey,
    )
    expect(auth).toBe(
      Formatter.authorization(keys.mchid, 'N3', String(sign.mock.results[0]?.value), now, 'ABC123'),
    )
  })

  test('when a platform certificate is given as the verifier, then its public key checks answers', () => {
    const pair = generateRsaKeyPair()
    const certificatePem = selfSignedCertificate({
      subject: { commonName: 'Tenpay.com Root CA' },
      serialHex: randomSerialHex(),
      notBefore: new Date(now * 1000 - 86_400_000),
      notAfter: new Date(now * 1000 + 86_400_000),
      ...pair,
    })
    const body = '{}'
    const signature = createSign('RSA-SHA256')
      .update(`${now}\nN4\n${body}\n`)
      .sign(pair.privateKeyPem, 'base64')
    const headers = {
      'wechatpay-timestamp': String(now),
      'wechatpay-nonce': 'N4',
      'wechatpay-serial': 'CERT1',
      'wechatpay-signature': signature,
    }
    const verifiers = new Map([['CERT1', verifierFrom(certificatePem)]])
    expect(checkSignature({ verifiers }, headers, body, now)).toEqual({ ok: true })
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

describe('Alipay gateway client through alipay-sdk', () => {
  const app = generateRsaKeyPair()
  const alipay = generateRsaKeyPair()
  const root = generateRsaKeyPair()
  const ROOT = { country: 'CN', organization: 'Test', commonName: 'Test Root CA' }
  const validity = { notBefore: new Date('2026-01-01'), notAfter: new Date('2031-01-01') }
  const issue = (commonName: string, pair: typeof app) =>
    issuedCertificate(
      {
        subject: { country: 'CN', commonName },
        serialHex: randomSerialHex(),
        ...validity,
        ...pair,
      },
      { subject: ROOT, privateKeyPem: root.privateKeyPem },
    )
  const certificates = {
    appCert: issue('app', app),
    alipayPublicCert: issue('alipay', alipay),
    alipayRootCert: selfSignedCertificate(
      { subject: ROOT, serialHex: randomSerialHex(), ...validity, ...root },
      { ca: true },
    ),
  }
  const appId = '2021000000000001'
  const credentials: Record<'public_key' | 'certificate', AlipayCredentials> = {
    public_key: { appId, appPrivateKey: app.privateKeyPem, alipayPublicKey: alipay.publicKeyPem },
    certificate: { appId, appPrivateKey: app.privateKeyPem, certificates },
  }
  /** The SDK configured by hand, as its README shows, to compare our requests against. */
  const reference = (mode: 'public_key' | 'certificate') =>
    new AlipaySdk({
      appId,
      privateKey: app.privateKeyPem,
      keyType: 'PKCS8',
      ...(mode === 'certificate'
        ? {
            appCertContent: certificates.appCert,
            alipayPublicCertContent: certificates.alipayPublicCert,
            alipayRootCertContent: certificates.alipayRootCert,
          }
        : { alipayPublicKey: alipay.publicKeyPem }),
    })
  const now = new Date('2026-11-25T02:00:00Z')
  const Trade = z.object({ trade_no: z.string() })
  const biz = { bizContent: { out_trade_no: 'GH1' } }

  /** Alipay's side: records each request's parameters and answers as told. */
  async function gateway(answer: () => string) {
    const seen: Record<string, string>[] = []
    const server = http.createServer((req, res) => {
      seen.push(Object.fromEntries(new URL(req.url ?? '/', 'http://fake').searchParams))
      res.writeHead(200, { 'content-type': 'text/html;charset=utf-8' })
      res.end(answer())
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const client = new UpstreamClient({
      port: 'alipay',
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      timeoutMs: 2000,
      retries: 0,
      logger: createLogger('silent'),
      metrics: createMetrics(),
    })
    return {
      client,
      seen,
      close: async () => {
        await client.close()
        server.closeAllConnections()
        await new Promise<void>((resolve) => server.close(() => resolve()))
      },
    }
  }

  const signedAnswer = (inner: string, signer: string, beside = '') => {
    const sign = createSign('RSA-SHA256').update(inner, 'utf8').sign(signer, 'base64')
    return `{"alipay_trade_query_response":${inner}${beside},"sign":"${sign}"}`
  }
  const inner =
    '{"code":"10000","msg":"Success","trade_no":"2026112522001","url":"https:\\/\\/x.cn\\/a"}'

  describe.each(['public_key', 'certificate'] as const)('%s mode', (mode) => {
    const certSn = mode === 'certificate' ? reference(mode).config.alipayCertSn : undefined
    const beside = certSn ? `,"alipay_cert_sn":"${certSn}"` : ''

    test('when a method is called, then the request carries exactly what alipay-sdk signs and the answer is checked by it', async () => {
      const up = await gateway(() => signedAnswer(inner, alipay.privateKeyPem, beside))
      const execute = jest.spyOn(AlipaySdk.prototype, 'sdkExecute')
      const check = jest.spyOn(AlipaySdk.prototype, 'checkResponseSign')
      const client = new AlipayGatewayClient(
        up.client,
        '/gateway.do',
        alipaySdk(async () => credentials[mode]),
        () => now,
      )
      await expect(client.exec('alipay.trade.query', biz, Trade)).resolves.toEqual({
        trade_no: '2026112522001',
      })
      expect(execute).toHaveBeenCalledTimes(1)
      expect(check).toHaveBeenCalledTimes(1)
      // RSA PKCS#1 v1.5 signatures are deterministic: the same parameters, the same `sign`.
      const expected = reference(mode).sdkExecute(
        'alipay.trade.query',
        { ...biz, timestamp: '2026-11-25 10:00:00' },
        { bizContentAutoSnakeCase: false },
      )
      expect(up.seen[0]).toEqual(Object.fromEntries(new URLSearchParams(expected)))
      const sent = up.seen[0] ?? {}
      if (mode === 'certificate') {
        expect(sent.app_cert_sn).toMatch(/^[0-9a-f]{32}$/)
        expect(sent.app_cert_sn).toBe(reference(mode).config.appCertSn)
        expect(sent.alipay_root_cert_sn).toBe(reference(mode).config.alipayRootCertSn)
      } else {
        expect(sent.app_cert_sn).toBeUndefined()
      }
      await up.close()
    })

    test('when the answer is signed by another key, then it is refused as a bad response', async () => {
      const other = generateRsaKeyPair()
      const up = await gateway(() => signedAnswer(inner, other.privateKeyPem, beside))
      const client = new AlipayGatewayClient(
        up.client,
        '/gateway.do',
        alipaySdk(async () => credentials[mode]),
        () => now,
      )
      await expect(client.exec('alipay.trade.query', biz, Trade)).rejects.toMatchObject({
        kind: 'bad_response',
      })
      await up.close()
    })
  })

  test('when a certificate-mode answer names another Alipay certificate, then it is refused even though its signature verifies', async () => {
    const up = await gateway(() =>
      signedAnswer(
        inner,
        alipay.privateKeyPem,
        ',"alipay_cert_sn":"0123456789abcdef0123456789abcdef"',
      ),
    )
    const client = new AlipayGatewayClient(
      up.client,
      '/gateway.do',
      alipaySdk(async () => credentials.certificate),
      () => now,
    )
    await expect(client.exec('alipay.trade.query', biz, Trade)).rejects.toMatchObject({
      kind: 'bad_response',
      message: expect.stringContaining('another certificate'),
    })
    await up.close()
  })
})
