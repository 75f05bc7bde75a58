import { randomUUID } from 'node:crypto'
import type { Middleware, ParameterizedContext } from 'koa'
import type { Logger } from '../logger'
import type { Metrics } from '../metrics'
import { withRequestId } from '../request-id'

export interface SessionUser {
  userId: string
}

export interface AppState {
  requestId: string
  log: Logger
  user?: SessionUser
  /**
   * The matched route's template (or `static` for the H5 files): the only path metrics and the
   * access log see, so labels stay bounded and capability tokens in paths are never recorded.
   */
  routeTemplate?: string
}

export type AppContext = ParameterizedContext<AppState>

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/

/**
 * Path parameters that are capabilities (share and agent-link tokens, and a mini-program
 * code's scene, which is an agent link), never logged.
 */
const SECRET_PARAM = /token|scene/i

/** Long segments of an unmatched path may be a token sent to a mistyped route. */
const LONG_SEGMENT = 16

function loggableParams(ctx: AppContext): Record<string, string> | undefined {
  const params = (ctx as { params?: Record<string, string> }).params
  if (!params) return undefined
  const kept = Object.entries(params).filter(([name]) => !SECRET_PARAM.test(name))
  return kept.length ? Object.fromEntries(kept) : undefined
}

function loggablePath(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment.length >= LONG_SEGMENT ? ':redacted' : segment))
    .join('/')
}

/**
 * Stands for the logger `make` returns, made on first use: every property read (a level
 * method, `child`, `level`…) is the real logger's, its methods bound to it.
 */
function lazyLogger(make: () => Logger): Logger {
  return new Proxy({} as Logger, {
    get(_target, property) {
      const real = make()
      const value: unknown = Reflect.get(real, property)
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(real)
        : value
    },
    set(_target, property, value) {
      return Reflect.set(make(), property, value)
    },
    has(_target, property) {
      return Reflect.has(make(), property)
    },
  })
}

/** Request id, a child logger, one access-log line and the HTTP histogram. */
export function requestContext(logger: Logger, metrics: Metrics): Middleware<AppState> {
  return async (ctx, next) => {
    const incoming = ctx.get('x-request-id')
    const requestId = REQUEST_ID.test(incoming) ? incoming : randomUUID()
    ctx.state.requestId = requestId
    // A child logger costs more than many requests' own work, and most requests log nothing but
    // the access line: it is made the first time something logs through it.
    let child: Logger | undefined
    ctx.state.log = lazyLogger(() => (child ??= logger.child({ requestId })))
    ctx.set('x-request-id', requestId)
    const started = process.hrtime.bigint()
    try {
      await withRequestId(requestId, next)
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const template = ctx.state.routeTemplate
      const route = template ?? 'unmatched'
      metrics.httpRequests.observe(
        { method: ctx.method, route, status: String(ctx.status) },
        ms / 1000,
      )
      // A route is logged by its template and its non-secret parameters, a served file by its
      // path (it exists, so the client did not make it up); the query string never: it can
      // carry personal data (phone numbers, codes).
      const where =
        template === 'static'
          ? { route, path: ctx.path }
          : template
            ? { route, params: loggableParams(ctx) }
            : { route, path: loggablePath(ctx.path) }
      const line = { method: ctx.method, ...where, status: ctx.status, ms: Math.round(ms) }
      if (child) child.info(line, 'request')
      else if (logger.isLevelEnabled('info')) logger.info({ requestId, ...line }, 'request')
    }
  }
}
