import { bodyParser } from '@koa/bodyparser'
import Router from '@koa/router'
import { z } from 'zod'
import { SandboxError, parseOr400 } from '../middleware/errors'
import type { EventRecord, NotificationDispatcher } from '../ports/wechatpay/notify/dispatcher'
import { NotifyFault } from '../ports/wechatpay/notify/faults'

export const NotifyingProvider = z.enum(['wechatpay', 'alipay'])
export type NotifyingProvider = z.infer<typeof NotifyingProvider>

/**
 * Every payment provider's notification dispatcher, so the developer endpoints can show and
 * steer all of them in one place. Providers register theirs in createState, like the cashier.
 */
export class NotificationSources {
  private readonly sources = new Map<NotifyingProvider, NotificationDispatcher>()

  constructor(
    /** The developer endpoints below are off in production mode. */
    readonly devEndpoints: boolean,
  ) {}

  register(provider: NotifyingProvider, dispatcher: NotificationDispatcher): void {
    this.sources.set(provider, dispatcher)
  }

  get(provider: NotifyingProvider): NotificationDispatcher {
    const source = this.sources.get(provider)
    if (!source) throw new SandboxError(404, 'NOT_FOUND', '该支付渠道没有通知')
    return source
  }

  /** Oldest first across providers. */
  list(filter: { provider?: NotifyingProvider; outTradeNo?: string }): EventRecord[] {
    const records = [...this.sources]
      .filter(([provider]) => filter.provider === undefined || filter.provider === provider)
      .flatMap(([, source]) => source.list(filter.outTradeNo))
    return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  }

  all(): NotificationDispatcher[] {
    return [...this.sources.values()]
  }
}

export const NotificationsQuery = z.object({
  outTradeNo: z.string().min(1).max(64).optional(),
  provider: NotifyingProvider.optional(),
})

export const NotificationFaultUpdate = NotifyFault.extend({ provider: NotifyingProvider })

export const NotificationSpeed = z
  .object({
    provider: NotifyingProvider.optional(),
    /** Multiplies retry waits: 0.0001 runs Alipay's 25 h of retries in about 9 s. */
    timeScale: z.number().min(0).max(1),
  })
  .strict()

/**
 * Developer endpoints (never in production): what was delivered where, notification faults,
 * and a faster retry clock for e2e runs.
 */
export function notificationsRouter(sources: NotificationSources): Router {
  const router = new Router({ prefix: '/sandbox/notifications' })
  if (!sources.devEndpoints) return router
  router.use(bodyParser({ enableTypes: ['json'] }))

  router.get('/', (ctx) => {
    ctx.body = { items: sources.list(parseOr400(NotificationsQuery, ctx.query)) }
  })

  router.post('/faults', (ctx) => {
    const { provider, ...fault } = parseOr400(NotificationFaultUpdate, ctx.request.body)
    sources.get(provider).faults.set(fault)
    ctx.body = { provider, fault }
  })
  router.delete('/faults', (ctx) => {
    for (const source of sources.all()) source.clearFaults()
    ctx.status = 204
  })

  router.post('/speed', (ctx) => {
    const { provider, timeScale } = parseOr400(NotificationSpeed, ctx.request.body)
    const targets = provider ? [sources.get(provider)] : sources.all()
    for (const source of targets) source.timeScale = timeScale
    ctx.body = { timeScale }
  })

  /** Runs every waiting retry now. */
  router.post('/flush', (ctx) => {
    for (const source of sources.all()) source.flush()
    ctx.status = 204
  })

  return router
}
