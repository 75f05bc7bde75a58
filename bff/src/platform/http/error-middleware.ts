import type { Middleware } from 'koa'
import { DomainError, messageFor, statusFor, type ErrorCode } from '@gh/shared'
import { AppError } from '../app-error'
import { UpstreamError } from '../upstream-client'
import type { AppContext, AppState } from './request-context'

interface Mapped {
  status: number
  code: ErrorCode
  message: string
  retryAfterSeconds?: number
}

const fromCatalogue = (code: ErrorCode): Mapped => ({
  status: statusFor(code),
  code,
  message: messageFor(code),
})

const upstreamCodes: Record<UpstreamError['kind'], ErrorCode> = {
  timeout: 'UPSTREAM_TIMEOUT',
  unavailable: 'UPSTREAM_UNAVAILABLE',
  circuit_open: 'UPSTREAM_UNAVAILABLE',
  saturated: 'UPSTREAM_BUSY',
  bad_response: 'UPSTREAM_ERROR',
  rejected: 'UPSTREAM_ERROR',
}

function codeOfStatus(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED'
  if (status === 403) return 'FORBIDDEN'
  if (status === 404) return 'NOT_FOUND'
  if (status === 405 || status === 501) return 'METHOD_NOT_ALLOWED'
  if (status === 413) return 'PAYLOAD_TOO_LARGE'
  if (status === 429) return 'RATE_LIMITED'
  if (status >= 400 && status < 500) return 'BAD_REQUEST'
  return 'INTERNAL'
}

/**
 * Koa, its body parser and the router refuse with an HTTP status of their own (415, 501, …):
 * the status stays, and it picks the code.
 */
function fromHttpStatus(status: number): Mapped {
  const code = codeOfStatus(status >= 400 && status < 600 ? status : 500)
  return { status: code === 'INTERNAL' ? 500 : status, code, message: messageFor(code) }
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
  if (err instanceof UpstreamError) return fromCatalogue(upstreamCodes[err.kind])
  // Every input has passed its route's schema before a domain rule sees it, so a broken rule
  // here lies in our own or an upstream's data, not in what the caller sent.
  if (err instanceof DomainError) return fromCatalogue('INTERNAL')
  const status =
    err && typeof err === 'object' && 'status' in err && typeof err.status === 'number'
      ? err.status
      : 500
  return fromHttpStatus(status)
}

/**
 * The router's own answers, which carry no body: an unknown path under /api, and a method the
 * path does not take (the router has set `Allow`, which stays).
 */
function bodylessRefusal(ctx: AppContext): number | undefined {
  if (ctx.body !== undefined && ctx.body !== null) return undefined
  if (ctx.status === 404 && (ctx.path === '/api' || ctx.path.startsWith('/api/'))) return 404
  if (ctx.status === 405 || ctx.status === 501) return ctx.status
  return undefined
}

function reply(ctx: AppContext, mapped: Mapped, err: unknown): void {
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

/**
 * The one place errors become responses: `{ error: { code, message, requestId } }`, never a
 * stack trace. Our own errors take their status from the error catalogue; unmatched routes under
 * /api and wrong methods answer the same envelope.
 */
export function errorMiddleware(): Middleware<AppState> {
  return async (ctx, next) => {
    try {
      await next()
      const refused = bodylessRefusal(ctx)
      if (refused !== undefined) reply(ctx, fromHttpStatus(refused), undefined)
    } catch (err) {
      reply(ctx, mapError(err), err)
    }
  }
}
