import type { Middleware } from 'koa'
import { payError } from './errors'
import type { WechatPayMaterial } from './material'
import { rsaVerify } from './signing'

const SCHEME = 'WECHATPAY2-SHA256-RSA2048'
const MAX_SKEW_S = 300

export interface MerchantIdentity {
  readonly mchid: string
}

/** Nonces seen inside their timestamp's acceptance window; older ones fail the skew check. */
export class NonceWindow {
  private readonly seen = new Map<string, number>()

  /** false when the nonce was already used within the window. */
  claim(key: string, timestampS: number, nowMs: number): boolean {
    for (const [k, until] of this.seen) if (until <= nowMs) this.seen.delete(k)
    if (this.seen.has(key)) return false
    this.seen.set(key, (timestampS + MAX_SKEW_S) * 1000)
    return true
  }
}

function parseAuthorization(header: string): Record<string, string> | undefined {
  if (!header.startsWith(`${SCHEME} `)) return undefined
  const params: Record<string, string> = {}
  for (const match of header.slice(SCHEME.length + 1).matchAll(/(\w+)="([^"]*)"/g)) {
    const [, key, value] = match
    if (key && value !== undefined) params[key] = value
  }
  return params
}

const signError = (message: string, detail: object) => payError(401, 'SIGN_ERROR', message, detail)

/**
 * Verifies `Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",timestamp="…",
 * serial_no="…",signature="…"` over `METHOD\nPATH?query\ntimestamp\nnonce\nbody\n`, using the raw
 * request bytes and the URL exactly as sent. Skew is measured against real time.
 */
export function verifyRequests(material: WechatPayMaterial, nonces: NonceWindow): Middleware {
  return async (ctx, next) => {
    const auth = parseAuthorization(ctx.get('Authorization'))
    const { mchid, nonce_str: nonce, timestamp, serial_no: serial, signature } = auth ?? {}
    if (!mchid || !nonce || !timestamp || !serial || !signature) {
      throw signError('Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》', {
        field: 'authorization',
        location: 'header',
      })
    }
    if (mchid !== material.mchid) {
      throw signError('Http头Authorization中的mchid不存在或未开通APIv3', {
        field: 'mchid',
        location: 'authorization',
      })
    }
    if (serial !== material.merchant.serialNo) {
      throw signError('商户证书序列号有误。请使用签名私钥匹配的证书序列号', {
        field: 'serial_no',
        location: 'authorization',
      })
    }
    const timestampS = Number(timestamp)
    const nowMs = Date.now()
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowMs / 1000 - timestampS) > MAX_SKEW_S) {
      throw signError('Http头Authorization中的timestamp与当前时间相差超过5分钟', {
        field: 'timestamp',
        location: 'authorization',
        detail: { issue: 'timestamp expired' },
      })
    }
    const body = (ctx.request as { rawBody?: string }).rawBody ?? ''
    const message = `${ctx.method}\n${ctx.originalUrl}\n${timestamp}\n${nonce}\n${body}\n`
    if (!rsaVerify(message, signature, material.merchant.publicKeyPem)) {
      throw signError('签名错误，请检查后再试', {
        field: 'signature',
        location: 'authorization',
        detail: { issue: 'sign not match' },
        sign_information: {
          method: ctx.method,
          url: ctx.path,
          sign_message_length: Buffer.byteLength(message),
          truncated_sign_message: message.slice(0, 80),
        },
      })
    }
    if (!nonces.claim(`${mchid}:${nonce}`, timestampS, nowMs)) {
      throw signError('请求重放：nonce_str已被使用，请使用新的随机串重新签名', {
        field: 'nonce_str',
        location: 'authorization',
        detail: { issue: 'nonce replayed' },
      })
    }
    ctx.state.merchant = { mchid } satisfies MerchantIdentity
    await next()
  }
}
