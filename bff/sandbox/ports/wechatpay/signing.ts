import { createSign, createVerify, randomUUID } from 'node:crypto'
import type { Context, Middleware } from 'koa'
import { randomToken } from '../../keys'
import { SandboxError } from '../../middleware/errors'
import type { WechatPayMaterial } from './material'

export type SerialMode = 'platform_certificate' | 'public_key'

/** `timestamp\nnonce\nbody\n`: what responses and notifications are signed over. */
export const responseMessage = (timestamp: string, nonce: string, body: string | Buffer): Buffer =>
  Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`), Buffer.from(body), Buffer.from('\n')])

export function rsaSign(message: string | Buffer, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(message).sign(privateKeyPem, 'base64')
}

export function rsaVerify(message: string | Buffer, signature: string, publicKey: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message).verify(publicKey, signature, 'base64')
  } catch {
    return false
  }
}

/**
 * Signs as WeChat Pay does: with the platform certificate's key or the 微信支付公钥's key, named
 * in `Wechatpay-Serial`. Timestamps are real time, never the sandbox clock: clients reject more
 * than 300 s of skew against their own clock.
 */
export class PlatformSigner {
  constructor(
    private readonly material: WechatPayMaterial,
    private readonly mode: () => SerialMode,
  ) {}

  /** A request may ask for either key by sending `Wechatpay-Serial` (as during a migration). */
  private key(preferred?: string): { serial: string; privateKeyPem: string } {
    const { platform, publicKey } = this.material
    if (preferred === platform.serialNo)
      return { serial: preferred, privateKeyPem: platform.privateKeyPem }
    if (preferred === publicKey.id)
      return { serial: preferred, privateKeyPem: publicKey.privateKeyPem }
    return this.mode() === 'public_key'
      ? { serial: publicKey.id, privateKeyPem: publicKey.privateKeyPem }
      : { serial: platform.serialNo, privateKeyPem: platform.privateKeyPem }
  }

  headers(body: string | Buffer, preferredSerial?: string): Record<string, string> {
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonce = randomToken(32)
    const { serial, privateKeyPem } = this.key(preferredSerial)
    return {
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': rsaSign(responseMessage(timestamp, nonce, body), privateKeyPem),
      'Wechatpay-Serial': serial,
    }
  }
}

function errorBody(ctx: Context, err: unknown): object {
  if (err instanceof SandboxError) {
    ctx.status = err.status
    return err.details === undefined
      ? { code: err.code, message: err.message }
      : { code: err.code, message: err.message, detail: err.details }
  }
  const status = (err as { status?: unknown }).status
  if (typeof status === 'number' && status >= 400 && status < 500) {
    ctx.status = 400
    return { code: 'PARAM_ERROR', message: '请求体不是合法的JSON' }
  }
  ctx.status = 500
  ctx.app.emit('error', err, ctx)
  return { code: 'SYSTEM_ERROR', message: '系统错误' }
}

/**
 * Outermost middleware of every v3 route: turns failures into WeChat's error body, fixes the
 * exact bytes of the answer, then signs those bytes; errors are signed too, as WeChat does.
 */
export function signedResponses(signer: PlatformSigner): Middleware {
  return async (ctx, next) => {
    try {
      await next()
    } catch (err) {
      ctx.body = errorBody(ctx, err)
    }
    let bytes: string | Buffer = ''
    if (Buffer.isBuffer(ctx.body) || typeof ctx.body === 'string') bytes = ctx.body
    else if (ctx.body !== null && ctx.body !== undefined) {
      bytes = JSON.stringify(ctx.body)
      ctx.body = bytes
      ctx.type = 'application/json; charset=utf-8'
    }
    ctx.set(signer.headers(bytes, ctx.get('Wechatpay-Serial') || undefined))
    ctx.set('Request-ID', randomUUID().replace(/-/g, '').toUpperCase())
  }
}
