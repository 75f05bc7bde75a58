import type { Middleware } from 'koa'
import type { FaultInjector } from '../faults'
import { portOfPath } from '../ports/names'
import { errorBody } from './errors'

/**
 * Applies the configured fault of the request's port before the port sees the request.
 * Admin (`/sandbox/*`) and `/healthz` belong to no port, so they are never faulted.
 */
export function injectFaults(faults: FaultInjector): Middleware {
  return async (ctx, next) => {
    const port = portOfPath(ctx.path)
    const decision = port ? faults.decide(port) : undefined
    if (!decision) return next()

    if (decision.kind === 'timeout') {
      // Never sent; tells the request log why there was no answer.
      ctx.set('x-sandbox-fault', 'timeout')
      const outcome = await faults.wait(Infinity, ctx.res)
      ctx.respond = false
      if (outcome === 'closing') ctx.req.socket.destroy()
      return
    }

    if (decision.delayMs > 0) {
      ctx.set('x-sandbox-fault', decision.kind === 'error' ? 'latency,error' : 'latency')
      const outcome = await faults.wait(decision.delayMs, ctx.res)
      if (outcome !== 'elapsed') {
        ctx.respond = false
        if (outcome === 'closing') ctx.req.socket.destroy()
        return
      }
    }

    if (decision.kind === 'error') {
      if (decision.delayMs === 0) ctx.set('x-sandbox-fault', 'error')
      ctx.status = decision.status
      const message = decision.status >= 500 ? '服务暂时不可用' : '请求被拒绝'
      ctx.body = errorBody(decision.status, `${message}（沙箱故障注入）`)
      if (decision.status === 429 || decision.status === 503) ctx.set('retry-after', '1')
      return
    }
    return next()
  }
}
