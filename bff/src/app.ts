import fs from 'node:fs'
import Koa from 'koa'
import Router from '@koa/router'
import { bodyParser } from '@koa/bodyparser'
import serve from 'koa-static'
import { z } from 'zod'
import { allRoutes, routes } from '@gh/shared'
import { accountHandlers } from './accounts/account-handlers'
import { agentLinkHandlers, mountAgentLinkOps } from './agent-links/agent-link-handlers'
import { appInfoHandlers } from './app-info/app-info-handlers'
import { authHandlers } from './auth/auth-handlers'
import { billHandlers } from './bills/bill-handlers'
import { clientIpContext } from './auth/client-ip'
import { contentHandlers } from './content/content-handlers'
import { familyHandlers } from './family/family-handlers'
import { captureNotifyBody, mountNotifyReceivers } from './payments/notify-receivers'
import { payShareHandlers } from './pay-shares/pay-share-handlers'
import { paymentHandlers } from './payments/payment-handlers'
import type { Container } from './container'
import { errorMiddleware } from './platform/http/error-middleware'
import { mountHealth } from './platform/http/health'
import { buildOpenApi } from './platform/http/openapi'
import { requestContext, type AppState } from './platform/http/request-context'
import { mountReconciliationOps } from './reconciliation/ops-route'
import { API_PREFIX, mountRoutes, type HandlerMap } from './platform/http/routes'

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
  const app = new Koa<AppState>({ proxy: true })
  const router = new Router<AppState>()
  let shuttingDown = false

  app.use(requestContext(c.logger, c.metrics))
  app.use(errorMiddleware())
  app.use(async (ctx, next) => {
    ctx.set('x-content-type-options', 'nosniff')
    ctx.set('referrer-policy', 'no-referrer')
    await next()
  })
  app.use(clientIpContext())
  app.use(captureNotifyBody())
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '64kb', encoding: 'utf-8' }))

  const handlers: HandlerMap<typeof routes> = {
    ...appInfoHandlers({
      servicePhone: c.config.servicePhone,
      orderNoticeTemplateId: c.config.wechat.orderTemplateId,
      now: c.now,
    }),
    ...authHandlers({
      ...c.services,
      sessions: c.sessions,
      wechat: c.ports.wechat,
      alipay: c.ports.alipay,
    }),
    ...accountHandlers({ customers: c.ports.customers, bindings: c.services.bindings }),
    ...familyHandlers(c.services),
    ...paymentHandlers(c.payments),
    ...billHandlers(c.services),
    ...payShareHandlers(c),
    ...agentLinkHandlers(c),
    ...contentHandlers(c.services),
  }
  mountRoutes(
    router,
    routes,
    handlers,
    {
      authenticate: (token) => c.sessions.resolve(token),
      isBound: (userId, accountNo) => c.bindings.isBound(userId, accountNo),
    },
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
  mountHealth(router, c.readiness, c.metrics.registry, () => shuttingDown)

  app.use(router.routes())
  app.use(router.allowedMethods())
  if (fs.existsSync(c.config.h5Dir)) {
    app.use(serve(c.config.h5Dir, { index: 'index.html', maxage: 0 }))
  }
  app.on('error', (err: unknown) => c.logger.error({ err }, 'koa error'))

  return { app, router, openapi, beginShutdown: () => void (shuttingDown = true) }
}
