import { createHash } from 'node:crypto'
import fs from 'node:fs'
import type { ServerResponse } from 'node:http'
import type { Middleware } from 'koa'
import serve from 'koa-static'
import type { AppState } from './request-context'

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi

/** CSP hash sources of a page's inline scripts (Taro's H5 template sets the root font size). */
function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map(
    ([, body]) =>
      `'sha256-${createHash('sha256')
        .update(body ?? '')
        .digest('base64')}'`,
  )
}

/**
 * The policy of the H5 app's pages. Scripts: our files and the template's inline script by
 * hash, never other inline code. Styles may be inline: Taro's components inject <style>
 * elements and style attributes at run time. Images and fonts may be data: URLs (QR codes,
 * Taro's icon font). The API is same-origin; the cashier is reached by navigation.
 */
function h5Csp(scriptHashes: readonly string[], mediaOrigins: readonly string[]): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...mediaOrigins].join(' '),
    ["media-src 'self'", ...mediaOrigins].join(' '),
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/**
 * Serves the H5 build with its content security policy. The policy of an HTML file is built
 * from the file as served (cached per modification time), so a rebuild while the BFF runs
 * still gets the right script hashes.
 */
/** `mediaOrigins`: the content system's CDN, where articles' pictures and videos live. */
export function serveH5(dir: string, mediaOrigins: readonly string[] = []): Middleware<AppState> {
  const policies = new Map<string, { mtimeMs: number; csp: string }>()
  const policyOf = (file: string, mtimeMs: number): string => {
    const known = policies.get(file)
    if (known?.mtimeMs === mtimeMs) return known.csp
    const csp = h5Csp(inlineScriptHashes(fs.readFileSync(file, 'utf8')), mediaOrigins)
    policies.set(file, { mtimeMs, csp })
    return csp
  }
  const send = serve(dir, {
    index: 'index.html',
    maxage: 0,
    setHeaders: (res: ServerResponse, file: string, stats: fs.Stats) => {
      const csp = file.endsWith('.html') ? policyOf(file, stats.mtimeMs) : h5Csp([], mediaOrigins)
      res.setHeader('content-security-policy', csp)
    },
  })
  return async (ctx, next) => {
    let passedOn = false
    await send(ctx, async () => {
      passedOn = true
      await next()
    })
    if (!passedOn) ctx.state.routeTemplate = 'static'
  }
}
