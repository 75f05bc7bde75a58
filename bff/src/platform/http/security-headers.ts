import type { Middleware } from 'koa'
import type { AppState } from './request-context'

/** JSON answers are no document: nothing may load from them, nothing may frame them. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

const HSTS = 'max-age=31536000'

/** Answers that may carry a token or personal data: login, refresh, shares, agent links, ops. */
const UNCACHEABLE = /^\/(api|ops)(\/|$)/

/**
 * Headers every answer carries. No page of ours may be framed (the payment pages least of all);
 * HSTS goes out when the request came over TLS, or always when the BFF's public address is
 * https (TLS then ends at a proxy whose X-Forwarded-Proto we may not trust).
 */
export function securityHeaders(options: { httpsOnly: boolean }): Middleware<AppState> {
  return async (ctx, next) => {
    ctx.set('x-content-type-options', 'nosniff')
    ctx.set('referrer-policy', 'no-referrer')
    ctx.set('x-frame-options', 'DENY')
    ctx.set('content-security-policy', API_CSP)
    if (options.httpsOnly || ctx.secure) ctx.set('strict-transport-security', HSTS)
    if (UNCACHEABLE.test(ctx.path)) ctx.set('cache-control', 'no-store')
    await next()
  }
}
