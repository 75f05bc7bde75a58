import fs from 'node:fs'
import Koa from 'koa'
import type Router from '@koa/router'
import { bodyParser } from '@koa/bodyparser'
import { z } from 'zod'
import { agentProxyRoutes, agentRoutes, allRoutes, proxyRequestRoutes, routes } from '@gh/shared'
import { accountHandlers } from './accounts/account-handlers'
import { agentLinkHandlers, mountAgentLinkOps } from './agent-links/agent-link-handlers'
import { agentHandlers } from './agents/agent-handlers'
import { agentProxyHandlers, proxyRequestHandlers } from './agents/agent-proxy-handlers'
import { appInfoHandlers } from './app-info/app-info-handlers'
import { authHandlers } from './auth/auth-handlers'
import { billHandlers } from './bills/bill-handlers'
import { accountChangeHandlers } from './account-changes/account-change-handlers'
import { heatingHandlers } from './heating/heating-handlers'
import { connectionHandlers } from './connections/connection-handlers'
import { helpAlertHandlers } from './help-alerts/help-alert-handlers'
import { contentHandlers } from './content/content-handlers'
import { homeHandlers } from './home/home-handlers'
import { familyHandlers } from './family/family-handlers'
import { captureNotifyBody, mountNotifyReceivers } from './payments/notify-receivers'
import { notificationHandlers } from './notifications/notification-handlers'
import { payShareHandlers } from './pay-shares/pay-share-handlers'
import { paymentHandlers } from './payments/payment-handlers'
import type { Container } from './container'
import { limitBodyDepth } from './platform/http/body-depth'
import { errorMiddleware } from './platform/http/error-middleware'
import { serveH5 } from './platform/http/h5-static'
import { mountHealth } from './platform/http/health'
import { buildOpenApi } from './platform/http/openapi'
import { requestContext, type AppState } from './platform/http/request-context'
import { mountReconciliationOps } from './reconciliation/ops-route'
import { repairHandlers } from './repairs/repair-handlers'
import { safetyHandlers } from './safety-checks/safety-handlers'
import { ConcurrencyLimit } from './platform/concurrency-limit'
import { API_PREFIX, mountRoutes, type HandlerMap } from './platform/http/routes'
import { RouteTable } from './platform/http/route-table'
import { securityHeaders } from './platform/http/security-headers'
import { repairPhotoHandlers } from './repairs/photos/photo-handlers'
import { usageHandlers } from './usage/usage-handlers'

export interface BffApp {
  app: Koa<AppState>
  router: Router<AppState>
  openapi: ReturnType<typeof buildOpenApi>
  /** Set when shutting down, so /readyz turns the load balancer away first. */
  beginShutdown: () => void
}

export function createApp(c: Container): BffApp {
  // Validation messages reach residents: Chinese by default, schemas may say it better.
  z.config(z.locales.zhCN())
  // X-Forwarded-For is believed for the configured proxies only (ctx.ip, ctx.secure, ctx.host).
  const hops = c.config.trustProxyHops
  const app = new Koa<AppState>({ proxy: hops > 0, maxIpsCount: hops })
  const table = new RouteTable()
  const router = table.router
  let shuttingDown = false

  app.use(requestContext(c.logger, c.metrics))
  app.use(errorMiddleware())
  app.use(securityHeaders({ httpsOnly: c.config.payments.publicBaseUrl.startsWith('https:') }))
  app.use(captureNotifyBody())
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '64kb', encoding: 'utf-8' }))
  app.use(limitBodyDepth())

  const handlers: HandlerMap<typeof routes> = {
    ...appInfoHandlers({
      servicePhone: c.config.servicePhone,
      orderNoticeTemplateId: c.config.wechat.orderTemplateId,
      legal: c.config.legal,
      now: c.now,
    }),
    ...authHandlers({
      ...c.services,
      sessions: c.sessions,
      wechat: c.ports.wechat,
      alipay: c.ports.alipay,
    }),
    ...accountHandlers({ customers: c.ports.reads.customers, ...c.services }),
    ...homeHandlers(c),
    ...familyHandlers(c.services),
    ...paymentHandlers(c.payments),
    ...billHandlers(c.services),
    ...usageHandlers(c.services),
    ...payShareHandlers(c),
    ...agentLinkHandlers(c),
    ...contentHandlers(c.services),
    ...notificationHandlers(c.notifications),
    ...repairPhotoHandlers(c.repairPhotos),
    ...repairHandlers({ repairs: c.repairs.service }),
    ...heatingHandlers(c.heating),
    ...connectionHandlers({ connections: c.connections, photos: c.repairPhotos }),
    ...helpAlertHandlers(c.helpAlerts),
    ...accountChangeHandlers({ accountChanges: c.accountChanges.service }),
    ...safetyHandlers(c.safety),
  }
  mountRoutes(
    table,
    routes,
    handlers,
    {
      authenticate: (token) => c.sessions.resolve(token),
      isBound: (userId, accountNo) => c.bindings.isBound(userId, accountNo),
    },
    c.idempotency,
    {
      inFlight: new ConcurrencyLimit({
        maxInFlight: c.config.uploadsInFlight,
        maxQueue: 0,
        queueTimeoutMs: 1,
      }),
      // Every file route (repair photos, 报装 documents) goes through the photo pipeline.
      admit: (_route, userId, key) => c.repairPhotos.admit(userId, key),
    },
  )
  // 代办, the resident's side: the binding guard, as on every account route.
  mountRoutes(
    table,
    proxyRequestRoutes,
    proxyRequestHandlers(c.agents.proxy),
    {
      authenticate: (token) => c.sessions.resolve(token),
      isBound: (userId, accountNo) => c.bindings.isBound(userId, accountNo),
    },
    c.idempotency,
  )
  // The workbench: the same pipeline, with the agent session instead of the resident's and the
  // agent's scope as the account guard. Neither side's token resolves on the other.
  const agents = c.agents.service
  const agentGuards = {
    authenticate: async (token: string) => {
      const session = await agents.authenticate(token)
      return session ? { userId: session.agentId, sessionId: session.sessionId } : null
    },
    isBound: async (agentId: string, accountNo: string) => {
      await agents.assertInScope(agentId, accountNo)
      return true
    },
  }
  mountRoutes(
    table,
    agentRoutes,
    agentHandlers({ agents, agentLinks: c.agentLinks }),
    agentGuards,
    c.idempotency,
  )
  mountRoutes(
    table,
    agentProxyRoutes,
    agentProxyHandlers(c.agents.proxy),
    agentGuards,
    c.idempotency,
  )
  mountNotifyReceivers(router, c.payments.intake)
  if (c.config.opsToken) {
    mountReconciliationOps(router, c.reconciliation.findings, c.config.opsToken)
    mountAgentLinkOps(router, c.agentLinks, c.config.opsToken, c.idempotency)
  }

  const openapi = buildOpenApi(allRoutes, {
    [`${API_PREFIX}/openapi.json`]: {
      get: {
        operationId: 'getOpenApi',
        summary: 'This document',
        tags: ['meta'],
        'x-auth': 'public',
        'x-account-scoped': false,
        security: [],
        responses: { '200': { description: 'OpenAPI 3.1 document' } },
      },
    },
  })
  router.get(`${API_PREFIX}/openapi.json`, (ctx) => {
    ctx.state.routeTemplate = `${API_PREFIX}/openapi.json`
    ctx.body = openapi
  })
  mountHealth(router, c.readiness, c.metrics.registry, () => shuttingDown, c.config.metricsToken)

  app.use(table.fastPath())
  app.use(labelWrongMethods())
  app.use(router.routes())
  app.use(router.allowedMethods())
  if (fs.existsSync(c.config.h5Dir)) app.use(serveH5(c.config.h5Dir, c.config.contentMediaOrigins))
  app.on('error', (err: unknown) => c.logger.error({ err }, 'koa error'))

  return { app, router, openapi, beginShutdown: () => void (shuttingDown = true) }
}

/**
 * A wrong method on a known path runs no route, so nothing set its template: take it from the
 * path's routes, so the 405 is counted and logged under the template, not the raw path.
 */
function labelWrongMethods(): Koa.Middleware<AppState> {
  return async (ctx, next) => {
    await next()
    const matched = (ctx as { matched?: { path: unknown }[] }).matched
    const template = matched?.find((layer) => typeof layer.path === 'string')?.path
    if (!ctx.state.routeTemplate && typeof template === 'string') {
      ctx.state.routeTemplate = template
    }
  }
}
