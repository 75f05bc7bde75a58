import type { IncomingMessage } from 'node:http'
import type Router from '@koa/router'
import type { Middleware } from 'koa'
import { notifyAlipay, notifyWechatPay } from '@gh/shared'
import { AppError } from '../platform/app-error'
import type { AppContext, AppState } from '../platform/http/request-context'
import { API_PREFIX } from '../platform/http/routes'
import type { PaymentIntake } from './payment-intake'
import {
  NotificationRejected,
  type ProviderName,
} from '../upstream/payment-providers/payment-providers-port'

const WECHATPAY_PATH = API_PREFIX + notifyWechatPay.path
const ALIPAY_PATH = API_PREFIX + notifyAlipay.path
const MAX_BYTES = 64 * 1024
const rawBodies = new WeakMap<IncomingMessage, Buffer>()

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/**
 * Signatures cover the exact bytes sent, so the notification receivers need the raw body, not
 * a re-serialised parse. Mounted before the JSON body parser, which it then skips.
 */
export function captureNotifyBody(): Middleware<AppState> {
  return async (ctx, next) => {
    if (ctx.method === 'POST' && (ctx.path === WECHATPAY_PATH || ctx.path === ALIPAY_PATH)) {
      rawBodies.set(ctx.req, await readRaw(ctx.req))
      ctx.disableBodyParser = true
    }
    await next()
  }
}

function headersOf(ctx: AppContext): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(ctx.headers)) out[k] = Array.isArray(v) ? v.join(',') : v
  return out
}

async function receive(ctx: AppContext, intake: PaymentIntake, provider: ProviderName) {
  try {
    await intake.receive(provider, headersOf(ctx), rawBodies.get(ctx.req) ?? Buffer.alloc(0))
    return { ok: true as const }
  } catch (err) {
    const rejected = err instanceof NotificationRejected
    ctx.state.log[rejected ? 'warn' : 'error']({ err, provider }, 'notification not applied')
    return { ok: false as const, status: rejected ? 401 : 500 }
  }
}

/**
 * The providers' receivers answer in the provider's format and quickly (the state change only;
 * crediting is a job): WeChat Pay 204, or 4xx/5xx with {code:'FAIL'} so it retries; Alipay the
 * text `success`, anything else making it retry.
 */
export function mountNotifyReceivers(router: Router<AppState>, intake: PaymentIntake): void {
  router.post(WECHATPAY_PATH, async (ctx) => {
    ctx.state.routeTemplate = WECHATPAY_PATH
    const result = await receive(ctx, intake, 'wechatpay')
    if (result.ok) {
      ctx.status = 204
      return
    }
    ctx.status = result.status
    ctx.body = { code: 'FAIL', message: result.status === 401 ? '签名验证失败' : '处理失败' }
  })
  router.post(ALIPAY_PATH, async (ctx) => {
    ctx.state.routeTemplate = ALIPAY_PATH
    const result = await receive(ctx, intake, 'alipay')
    ctx.status = result.ok ? 200 : result.status
    ctx.type = 'text/plain'
    ctx.body = result.ok ? 'success' : 'fail'
  })
}
