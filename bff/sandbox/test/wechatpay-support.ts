import { createSign, randomBytes } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Aes, Formatter, Rsa, Wechatpay } from 'wechatpay-axios-plugin'
import { z } from 'zod'
import type { SerialMode } from '../ports/wechatpay/signing'
import { startSandbox, type Running } from './helpers'

/** The `wechatpay` section of GET /sandbox/credentials. */
export const WechatPayCredentials = z.object({
  baseUrl: z.string(),
  apiBaseUrl: z.string(),
  mchid: z.string(),
  appid: z.string(),
  appSecret: z.string(),
  merchantPrivateKeyPem: z.string(),
  merchantCertificatePem: z.string(),
  merchantCertificateSerial: z.string(),
  apiV3Key: z.string(),
  platformCertificatePem: z.string(),
  platformCertificateSerial: z.string(),
  wechatpayPublicKeyPem: z.string(),
  wechatpayPublicKeyId: z.string(),
  serialMode: z.enum(['platform_certificate', 'public_key']),
})
export type WechatPayCredentials = z.infer<typeof WechatPayCredentials>

export interface WechatPaySandbox extends Running {
  readonly creds: WechatPayCredentials
}

/** A sandbox whose retries and refunds run 100 000 times faster than WeChat's real schedule. */
export async function startWechatPay(mode: SerialMode = 'public_key'): Promise<WechatPaySandbox> {
  const running = await startSandbox()
  await running.http.post('/sandbox/notifications/speed').send({ timeScale: 1e-5 }).expect(200)
  await running.http.post('/sandbox/wechatpay/settings').send({ serialMode: mode }).expect(200)
  const res = await running.http.get('/sandbox/credentials').expect(200)
  return { ...running, creds: WechatPayCredentials.parse(res.body.wechatpay) }
}

/** The official client exactly as a merchant configures it, for one of the two serial modes. */
export function pluginClient(creds: WechatPayCredentials, mode: SerialMode): Wechatpay {
  const certs =
    mode === 'public_key'
      ? { [creds.wechatpayPublicKeyId]: creds.wechatpayPublicKeyPem }
      : { [creds.platformCertificateSerial]: creds.platformCertificatePem }
  return new Wechatpay({
    mchid: creds.mchid,
    serial: creds.merchantCertificateSerial,
    privateKey: creds.merchantPrivateKeyPem,
    certs,
    baseURL: creds.baseUrl,
  })
}

export interface SignOptions {
  readonly timestamp?: number
  readonly nonce?: string
  readonly serial?: string
}

/** An Authorization header built by hand, for requests the plugin would never send. */
export function authorization(
  creds: WechatPayCredentials,
  method: string,
  pathWithQuery: string,
  body: string,
  options: SignOptions = {},
): string {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000))
  const nonce = options.nonce ?? randomBytes(16).toString('hex')
  const message = `${method}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${body}\n`
  const signature = createSign('RSA-SHA256')
    .update(message)
    .sign(creds.merchantPrivateKeyPem, 'base64')
  const serial = options.serial ?? creds.merchantCertificateSerial
  return (
    `WECHATPAY2-SHA256-RSA2048 mchid="${creds.mchid}",nonce_str="${nonce}",` +
    `timestamp="${timestamp}",serial_no="${serial}",signature="${signature}"`
  )
}

/** Checks Wechatpay-* headers over the exact bytes with the plugin's own primitives. */
export function verifiedBy(
  creds: WechatPayCredentials,
  headers: IncomingHttpHeaders | Record<string, string>,
  body: string,
): boolean {
  const h = headers as Record<string, string | undefined>
  const serial = h['wechatpay-serial']
  const key =
    serial === creds.wechatpayPublicKeyId
      ? creds.wechatpayPublicKeyPem
      : serial === creds.platformCertificateSerial
        ? creds.platformCertificatePem
        : undefined
  if (!key) return false
  const message = Formatter.response(
    h['wechatpay-timestamp'] ?? '',
    h['wechatpay-nonce'] ?? '',
    body,
  )
  return Rsa.verify(message, h['wechatpay-signature'] ?? '', Rsa.from(key, Rsa.KEY_TYPE_PUBLIC))
}

export const EncryptedNotification = z.object({
  id: z.string(),
  event_type: z.string(),
  resource: z.object({ ciphertext: z.string(), nonce: z.string(), associated_data: z.string() }),
})

/** The plugin's decryption of a notification resource, as a merchant's handler does it. */
export function decryptResource(body: string, apiV3Key: string): unknown {
  const { resource } = EncryptedNotification.parse(JSON.parse(body))
  return JSON.parse(
    Aes.AesGcm.decrypt(resource.ciphertext, apiV3Key, resource.nonce, resource.associated_data),
  )
}

export interface Hit {
  readonly headers: IncomingHttpHeaders
  readonly body: string
  readonly at: number
}

/** A merchant's notify_url: records every delivery and answers as `answer` decides. */
export class Receiver {
  readonly hits: Hit[] = []
  inFlight = 0
  maxInFlight = 0
  answer: (hit: Hit, index: number) => { status: number; delayMs?: number } = () => ({
    status: 204,
  })
  private server?: Server
  url = ''

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      this.inFlight++
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const hit = {
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
        }
        this.hits.push(hit)
        const { status, delayMs = 0 } = this.answer(hit, this.hits.length - 1)
        setTimeout(() => {
          this.inFlight--
          res.statusCode = status
          res.end(status === 204 ? undefined : '{"code":"FAIL","message":"失败"}')
        }, delayMs)
      })
    })
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/notify/wechatpay`
    return this
  }

  eventIds(): string[] {
    return this.hits.map((h) => EncryptedNotification.parse(JSON.parse(h.body)).id)
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) => this.server?.close(() => resolve()))
  }
}

export function jsapiOrder(
  creds: WechatPayCredentials,
  outTradeNo: string,
  notifyUrl: string,
  total = 3000,
) {
  return {
    appid: creds.appid,
    mchid: creds.mchid,
    description: '燃气充值-1000000001',
    out_trade_no: outTradeNo,
    notify_url: notifyUrl,
    amount: { total, currency: 'CNY' },
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
  }
}
