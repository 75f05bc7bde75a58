import type { Context, Middleware } from 'koa'
import type { Logger } from 'pino'
import { portOfPath } from '../ports/names'

/** The route pattern (`/customers/v1/accounts/:accountNo`), never the concrete path. */
export function routeOf(ctx: Context): string {
  const matched = (ctx as Context & { _matchedRoute?: unknown })._matchedRoute
  return typeof matched === 'string' ? matched : 'unmatched'
}

/**
 * One line per request. Logs only the method, route pattern, port, status and timing: paths,
 * query strings and bodies carry account numbers, names and phones.
 */
export function requestLog(logger: Logger): Middleware {
  return async (ctx, next) => {
    const started = performance.now()
    const requestId = ctx.get('x-request-id')
    if (requestId) ctx.set('x-request-id', requestId)
    try {
      await next()
    } finally {
      logger.info(
        {
          method: ctx.method,
          route: routeOf(ctx),
          port: portOfPath(ctx.path) ?? 'sandbox',
          // A request cut by a fault (client gave up, sandbox closed) has no status.
          ...(ctx.respond === false ? { answered: false } : { status: ctx.status }),
          ms: Math.round(performance.now() - started),
          fault: ctx.response.get('x-sandbox-fault') || undefined,
          requestId: requestId || undefined,
        },
        'request',
      )
    }
  }
}
