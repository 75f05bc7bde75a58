import { bodyParser } from '@koa/bodyparser'
import Router from '@koa/router'
import type { Context } from 'koa'
import { toShanghaiIso } from '../../clock'
import { SandboxError } from '../../middleware/errors'
import type { CashierDesk } from './desk'
import { renderCashier, type CashierView } from './page'
import { parseReturnUrl } from './return-url'

function send(ctx: Context, status: number, view: CashierView): void {
  ctx.status = status
  ctx.type = 'text/html; charset=utf-8'
  ctx.set('cache-control', 'no-store')
  ctx.set('x-content-type-options', 'nosniff')
  ctx.set('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
  ctx.body = renderCashier(view)
}

/** `HH:mm` (Beijing) of the deadline, with the date when it is not today. */
function deadlineText(expiresAt: string, nowMs: number): string {
  const deadline = expiresAt.slice(0, 16).replace('T', ' ')
  return deadline.slice(0, 10) === toShanghaiIso(nowMs).slice(0, 10) ? deadline.slice(11) : deadline
}

/**
 * The payer: an H5 page where a person (or an e2e test) confirms or cancels a payment of any
 * provider, and the developer endpoints doing the same for programs.
 */
export function cashierRouter(desk: CashierDesk): Router {
  const router = new Router()
  router.use(bodyParser({ enableTypes: ['form', 'json'] }))

  router.get('/cashier/:outTradeNo', (ctx) => {
    const returnUrl = parseReturnUrl(ctx.query.return)
    if (returnUrl === null) return send(ctx, 400, { kind: 'bad-return' })
    const found = desk.find(ctx.params.outTradeNo ?? '')
    if (!found) return send(ctx, 404, { kind: 'not-found' })
    const { order } = found
    const settled = desk.settled(order)
    if (settled) return send(ctx, 200, { kind: settled, order, returnUrl })
    const expiresAtText = deadlineText(order.expiresAt, desk.clock.nowMs())
    send(ctx, 200, { kind: 'confirm', order, returnUrl, expiresAtText })
  })

  for (const action of ['pay', 'cancel'] as const) {
    router.post(`/cashier/:outTradeNo/${action}`, async (ctx) => {
      const form = (ctx.request.body ?? {}) as Record<string, unknown>
      const returnUrl = parseReturnUrl(form.return)
      if (returnUrl === null) return send(ctx, 400, { kind: 'bad-return' })
      const outTradeNo = ctx.params.outTradeNo ?? ''
      try {
        const { order } = await desk.act(outTradeNo, action)
        if (returnUrl) {
          ctx.status = 303
          return ctx.redirect(returnUrl)
        }
        send(ctx, 200, { kind: action === 'pay' ? 'paid-now' : 'cancelled-now', order, returnUrl })
      } catch (err) {
        if (!(err instanceof SandboxError)) throw err
        const found = desk.find(outTradeNo)
        const settled = found && desk.settled(found.order)
        if (!found || !settled) return send(ctx, err.status, { kind: 'not-found' })
        send(ctx, err.status, { kind: settled, order: found.order, returnUrl })
      }
    })

    if (desk.devEndpoints) {
      router.post(`/sandbox/payments/:outTradeNo/${action}`, async (ctx) => {
        const { order } = await desk.act(ctx.params.outTradeNo ?? '', action)
        ctx.body = { result: action === 'pay' ? 'paid' : 'cancelled', order }
      })
    }
  }

  return router
}
