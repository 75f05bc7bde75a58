import { AsyncLocalStorage } from 'node:async_hooks'
import type { Middleware } from 'koa'

const store = new AsyncLocalStorage<string>()

/**
 * Makes the caller's IP readable by handlers, for per-IP limits. Route handlers receive no Koa
 * context (HandlerInput has no IP), so the address travels with the request's async context.
 * The app runs with `proxy: true`: behind the load balancer, `ctx.ip` is the client's address.
 */
export function clientIpContext(): Middleware {
  return (ctx, next) => store.run(ctx.ip || 'unknown', next)
}

export function clientIp(): string {
  return store.getStore() ?? 'unknown'
}
