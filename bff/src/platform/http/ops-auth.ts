import { createHash, timingSafeEqual } from 'node:crypto'
import type { Context } from 'koa'
import { AppError } from '../app-error'

/** Hashing first makes both sides the same length, so the comparison time says nothing. */
function sameToken(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

/** `Authorization: Bearer <expected>`, or 401 naming which token (for the operator, not a user). */
export function requireBearer(ctx: Pick<Context, 'get'>, expected: string, what: string): void {
  const given = /^Bearer (\S+)$/.exec(ctx.get('authorization'))?.[1] ?? ''
  if (!sameToken(given, expected)) {
    throw new AppError('UNAUTHENTICATED', { message: `${what} missing or wrong` })
  }
}

/** Operator endpoints (/ops/…) take `Authorization: Bearer <OPS_TOKEN>`; anything else is 401. */
export function requireOpsToken(ctx: Context, opsToken: string): void {
  requireBearer(ctx, opsToken, 'ops token')
}
