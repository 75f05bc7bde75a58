import type { Middleware } from 'koa'
import { messageFor, type ErrorCode } from '@gh/shared'
import { AppError, errors } from '../app-error'
import { UpstreamError } from '../upstream-client'
import type { AppContext, AppState } from './request-context'

interface Mapped {
  status: number
  code: ErrorCode
  message: string
  retryAfterSeconds?: number
}

function fromStatus(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED'
  if (status === 403) return 'FORBIDDEN'
  if (status === 404) return 'NOT_FOUND'
  if (status === 405 || status === 501) return 'METHOD_NOT_ALLOWED'
  if (status === 413) return 'PAYLOAD_TOO_LARGE'
  if (status === 429) return 'RATE_LIMITED'
  if (status >= 400 && status < 500) return 'BAD_REQUEST'
  return 'INTERNAL'
}

function mapError(err: unknown): Mapped {
  if (err instanceof AppError) {
    return {
      status: err.status,
      code: err.code,
      message: err.userMessage,
      ...(err.retryAfterSeconds !== undefined ? { retryAfterSeconds: err.retryAfterSeconds } : {}),
    }
  }
  if (err instanceof UpstreamError) {
    const code: ErrorCode =
      err.kind === 'timeout'
        ? 'UPSTREAM_TIMEOUT'
        : err.kind === 'bad_response' || err.kind === 'rejected'
          ? 'UPSTREAM_ERROR'
          : 'UPSTREAM_UNAVAILABLE'
    const status = err.kind === 'timeout' ? 504 : code === 'UPSTREAM_ERROR' ? 502 : 503
    return { status, code, message: messageFor(code) }
  }
  // Errors thrown by Koa and its body parser carry `status` and `expose`.
  const status =
    err && typeof err === 'object' && 'status' in err && typeof err.status === 'number'
      ? err.status
      : 500
  const code = fromStatus(status >= 400 && status < 600 ? status : 500)
  return { status: code === 'INTERNAL' ? 500 : status, code, message: messageFor(code) }
}

/**
 * The router's own answers, which carry no body: an unknown path under /api, and a method the
 * path does not take (the router has set `Allow`, which stays).
 */
function bodylessRefusal(ctx: AppContext): AppError | undefined {
  if (ctx.body !== undefined && ctx.body !== null) return undefined
  if (ctx.status === 404 && (ctx.path === '/api' || ctx.path.startsWith('/api/'))) {
    return errors.notFound()
  }
  if (ctx.status === 405 || ctx.status === 501) {
    return new AppError('METHOD_NOT_ALLOWED', ctx.status, { message: `${ctx.method} not allowed` })
  }
  return undefined
}

/**
 * The one place errors become responses: `{ error: { code, message, requestId } }`, never a
 * stack trace. Unmatched routes under /api and wrong methods answer the same envelope.
 */
export function errorMiddleware(): Middleware<AppState> {
  return async (ctx, next) => {
    try {
      await next()
      const refusal = bodylessRefusal(ctx)
      if (refusal) throw refusal
    } catch (err) {
      const mapped = mapError(err)
      const log = ctx.state.log
      if (mapped.status >= 500) {
        const fatal = err instanceof AppError && err.isCatastrophic
        log[fatal ? 'fatal' : 'error']({ err, code: mapped.code }, 'request failed')
      } else {
        log.info({ code: mapped.code, status: mapped.status }, 'request rejected')
      }
      ctx.status = mapped.status
      if (mapped.retryAfterSeconds !== undefined) {
        ctx.set('retry-after', String(mapped.retryAfterSeconds))
      }
      ctx.body = {
        error: {
          code: mapped.code,
          message: mapped.message,
          requestId: ctx.state.requestId,
          ...(mapped.retryAfterSeconds !== undefined
            ? { retryAfterSeconds: mapped.retryAfterSeconds }
            : {}),
        },
      }
    }
  }
}
