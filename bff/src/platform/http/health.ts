import type Router from '@koa/router'
import type { Context } from 'koa'
import type { Registry } from 'prom-client'
import { AppError } from '../app-error'
import { requireBearer } from './ops-auth'
import type { AppState } from './request-context'

export interface ReadinessCheck {
  name: string
  check: () => Promise<void>
  /** False: reported in the body but never fails readiness (an upstream this instance uses). */
  required?: boolean
}

const CHECK_TIMEOUT_MS = 1500

interface CheckResult {
  name: string
  ok: boolean
  required: boolean
  ms: number
}

async function run(check: ReadinessCheck): Promise<CheckResult> {
  const required = check.required ?? true
  const started = Date.now()
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      check.check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS)
      }),
    ])
    return { name: check.name, ok: true, required, ms: Date.now() - started }
  } catch {
    return { name: check.name, ok: false, required, ms: Date.now() - started }
  } finally {
    clearTimeout(timer)
  }
}

/** Tested on the socket's peer: X-Forwarded-For is the caller's to write. */
const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/

/** The bearer `metricsToken`; without one (never in production), a loopback caller. */
export function requireMetricsAccess(
  ctx: Pick<Context, 'get' | 'req'>,
  metricsToken: string | null,
): void {
  if (metricsToken) return requireBearer(ctx, metricsToken, 'metrics token')
  if (!LOOPBACK.test(ctx.req.socket.remoteAddress ?? '')) {
    throw new AppError('FORBIDDEN', {
      message: 'metrics without METRICS_TOKEN: loopback only',
    })
  }
}

/**
 * Liveness, readiness (what this instance needs: its database and Redis, never an upstream)
 * and Prometheus metrics. Metrics take the bearer
 * `metricsToken`; without one (never in production) they answer loopback callers only.
 */
export function mountHealth(
  router: Router<AppState>,
  checks: ReadinessCheck[],
  registry: Registry,
  isShuttingDown: () => boolean,
  metricsToken: string | null,
): void {
  router.get('/healthz', (ctx) => {
    ctx.state.routeTemplate = '/healthz'
    ctx.body = { status: 'ok' }
  })
  router.get('/readyz', async (ctx) => {
    ctx.state.routeTemplate = '/readyz'
    const results = await Promise.all(checks.map(run))
    const ready = !isShuttingDown() && results.every((r) => r.ok || !r.required)
    ctx.status = ready ? 200 : 503
    ctx.body = {
      status: ready ? 'ready' : isShuttingDown() ? 'shutting_down' : 'not_ready',
      checks: Object.fromEntries(
        results.map((r) => [r.name, { ok: r.ok, required: r.required, ms: r.ms }]),
      ),
    }
  })
  router.get('/metrics', async (ctx) => {
    ctx.state.routeTemplate = '/metrics'
    requireMetricsAccess(ctx, metricsToken)
    ctx.type = registry.contentType
    ctx.body = await registry.metrics()
  })
}
