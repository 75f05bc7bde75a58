import type { Context } from 'koa'
import { SandboxError } from '../../middleware/errors'

/**
 * The id in the body is the idempotency key; an `Idempotency-Key` header, when a client sends
 * one too, must name the same key or the request is ambiguous.
 */
export function assertHeaderKey(ctx: Context, id: string): void {
  const header = ctx.get('idempotency-key')
  if (header !== '' && header !== id) {
    throw new SandboxError(400, 'INVALID_ARGUMENT', 'Idempotency-Key 与请求中的编号不一致')
  }
}

export function idempotencyMismatch(): SandboxError {
  return new SandboxError(409, 'IDEMPOTENCY_MISMATCH', '同一编号已用于另一笔不同的请求')
}
