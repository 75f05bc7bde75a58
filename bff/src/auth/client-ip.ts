import { AsyncLocalStorage } from 'node:async_hooks'
import type { Middleware } from 'koa'

const store = new AsyncLocalStorage<string>()

/**
 * Makes the caller's IP readable by handlers, for per-IP limits. Route handlers receive no Koa
 * context (HandlerInput has no IP), so the address travels with the request's async context.
 * `ctx.ip` believes X-Forwarded-For only as far as TRUST_PROXY_HOPS says: with 0 it is the
 * socket's peer, with n the address the outermost of our n proxies saw, so a client cannot
 * choose its own address (and with it a fresh per-IP limit).
 */
export function clientIpContext(): Middleware {
  return (ctx, next) => store.run(ctx.ip || 'unknown', next)
}

export function clientIp(): string {
  return store.getStore() ?? 'unknown'
}
