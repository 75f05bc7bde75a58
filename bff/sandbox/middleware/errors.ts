import type { Middleware } from 'koa'
import type { Logger } from 'pino'
import type { z } from 'zod'
import type { UpstreamError } from '../../contracts/common'
import { routeOf } from './request-log'

/** An upstream failure, answered in the upstream error format `{ code, message }`. */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'SandboxError'
  }
}

export function invalidArgument(error: z.ZodError): SandboxError {
  const details = error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }))
  return new SandboxError(400, 'INVALID_ARGUMENT', '请求参数不合法', details)
}

/** Parses input with a contract schema, failing the way the upstream would. */
export function parseOr400<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input)
  if (!result.success) throw invalidArgument(result.error)
  return result.data
}

const codeForStatus: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
}

export function errorBody(status: number, message: string): UpstreamError {
  return { code: codeForStatus[status] ?? `HTTP_${status}`, message }
}

function statusOf(err: unknown): number {
  if (typeof err === 'object' && err !== null && 'status' in err) {
    const status = (err as { status: unknown }).status
    if (typeof status === 'number' && status >= 400 && status < 600) return status
  }
  return 500
}

/** The one error handler: every failure leaves as `{ code, message }`, never a stack trace. */
export function errorHandler(logger: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next()
      if (ctx.status === 404 && ctx.body === undefined && ctx.respond !== false) {
        ctx.status = 404
        ctx.body = errorBody(404, '接口不存在')
      }
    } catch (err) {
      if (err instanceof SandboxError) {
        ctx.status = err.status
        ctx.body =
          err.details === undefined
            ? { code: err.code, message: err.message }
            : { code: err.code, message: err.message, details: err.details }
        return
      }
      const status = statusOf(err)
      ctx.status = status
      ctx.body = errorBody(status, status < 500 ? '请求无法处理' : '系统内部错误')
      if (status >= 500) {
        // Messages can quote request data; log the type and stack only.
        const name = err instanceof Error ? err.name : typeof err
        const stack = err instanceof Error ? err.stack?.split('\n').slice(1, 6).join('\n') : ''
        logger.error({ errName: name, stack, route: routeOf(ctx) }, 'sandbox request failed')
      }
    }
  }
}
