import { randomUUID } from 'node:crypto'
import type { Middleware, ParameterizedContext } from 'koa'
import type { Logger } from '../logger'
import type { Metrics } from '../metrics'

export interface SessionUser {
  userId: string
}

export interface AppState {
  requestId: string
  log: Logger
  user?: SessionUser
  /** The matched route's template, for metrics labels without unbounded cardinality. */
  routeTemplate?: string
}

export type AppContext = ParameterizedContext<AppState>

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/

/** Request id, a child logger, one access-log line and the HTTP histogram. */
export function requestContext(logger: Logger, metrics: Metrics): Middleware<AppState> {
  return async (ctx, next) => {
    const incoming = ctx.get('x-request-id')
    const requestId = REQUEST_ID.test(incoming) ? incoming : randomUUID()
    ctx.state.requestId = requestId
    ctx.state.log = logger.child({ requestId })
    ctx.set('x-request-id', requestId)
    const started = process.hrtime.bigint()
    try {
      await next()
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const route = ctx.state.routeTemplate ?? (ctx.status === 404 ? 'unmatched' : ctx.path)
      metrics.httpRequests.observe(
        { method: ctx.method, route, status: String(ctx.status) },
        ms / 1000,
      )
      // The query string is left out: it can carry personal data (phone numbers, codes).
      ctx.state.log.info(
        { method: ctx.method, path: ctx.path, route, status: ctx.status, ms: Math.round(ms) },
        'request',
      )
    }
  }
}
