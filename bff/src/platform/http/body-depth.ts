import type { Middleware } from 'koa'
import { AppError } from '../app-error'
import type { AppState } from './request-context'

/** Far deeper than any request schema; far shallower than what overflows the stack. */
export const MAX_BODY_DEPTH = 32

/** Measured without recursion: the point is to survive bodies that recursion would not. */
function deeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 1]]
  while (pending.length) {
    const [node, depth] = pending.pop() as [unknown, number]
    if (node === null || typeof node !== 'object') continue
    if (depth > limit) return true
    for (const child of Object.values(node)) pending.push([child, depth + 1])
  }
  return false
}

/**
 * Refuses a JSON body nested deeper than `limit`, right after parsing and before anything else
 * touches it: fingerprinting, validation and logging all walk the body recursively, and a few
 * kilobytes of brackets would overflow the stack in any of them.
 */
export function limitBodyDepth(limit = MAX_BODY_DEPTH): Middleware<AppState> {
  return async (ctx, next) => {
    if (deeperThan(ctx.request.body, limit)) {
      throw new AppError('BODY_TOO_DEEP', { message: `JSON body nested deeper than ${limit}` })
    }
    await next()
  }
}
