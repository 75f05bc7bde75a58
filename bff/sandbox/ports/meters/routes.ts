import { bodyParser } from '@koa/bodyparser'
import Router from '@koa/router'
import {
  CreditPathParams,
  CreditRequest,
  IcPurchaseRequest,
  IcWriteRequest,
  MeterPathParams,
  PurchasePathParams,
  ReadingsQuery,
} from '../../../contracts/meters'
import { parseOr400, SandboxError } from '../../middleware/errors'
import { requestCredit, requestPurchase, findPurchase, writePurchase } from './credits'
import { dayOfIsoDate, dayStartMs } from './days'
import { FailNext, MeterSettingsUpdate, OnlineUpdate } from './dev-schemas'
import { assertHeaderKey } from './idempotency'
import type { MeterPlatform } from './platform'
import { creditView, meterView, purchaseView, readingsView } from './views'

export interface MetersState {
  readonly platform: MeterPlatform
  readonly devEndpoints: boolean
}

/** The meter platform, as described by bff/contracts/meters.ts. */
export function metersRouter(state: MetersState): Router {
  const { platform } = state
  const router = new Router()
  router.use(bodyParser({ enableTypes: ['json'] }))

  router.get('/meters/v1/meters/:meterNo', (ctx) => {
    const { meterNo } = parseOr400(MeterPathParams, ctx.params)
    const book = platform.book(meterNo)
    ctx.body = meterView(book, platform.settle())
  })

  router.get('/meters/v1/meters/:meterNo/readings', (ctx) => {
    const { meterNo } = parseOr400(MeterPathParams, ctx.params)
    const query = parseOr400(ReadingsQuery, ctx.query)
    const book = platform.book(meterNo)
    const fromMs = query.from ? dayStartMs(dayOfIsoDate(query.from)) : -Infinity
    const toMs = query.to ? dayStartMs(dayOfIsoDate(query.to) + 1) : Infinity
    const readings = readingsView(book, platform.settle()).filter((r) => {
      const at = Date.parse(r.readAt)
      return at >= fromMs && at < toMs
    })
    ctx.body = { meterNo, readings }
  })

  router.post('/meters/v1/meters/:meterNo/credits', (ctx) => {
    const { meterNo } = parseOr400(MeterPathParams, ctx.params)
    const request = parseOr400(CreditRequest, ctx.request.body)
    assertHeaderKey(ctx, request.creditId)
    const { credit, created } = requestCredit(platform, meterNo, request)
    ctx.status = created ? 202 : 200
    ctx.body = creditView(credit)
  })

  router.get('/meters/v1/meters/:meterNo/credits/:creditId', (ctx) => {
    const { meterNo, creditId } = parseOr400(CreditPathParams, ctx.params)
    platform.book(meterNo)
    platform.settle()
    const credit = platform.credits.get(creditId)
    if (!credit || credit.meterNo !== meterNo) {
      throw new SandboxError(404, 'CREDIT_NOT_FOUND', '充值记录不存在')
    }
    ctx.body = creditView(credit)
  })

  router.post('/meters/v1/ic/purchases', (ctx) => {
    const request = parseOr400(IcPurchaseRequest, ctx.request.body)
    assertHeaderKey(ctx, request.purchaseId)
    const { purchase, created } = requestPurchase(platform, request)
    ctx.status = created ? 201 : 200
    ctx.body = purchaseView(purchase)
  })

  router.get('/meters/v1/ic/purchases/:purchaseId', (ctx) => {
    const { purchaseId } = parseOr400(PurchasePathParams, ctx.params)
    ctx.body = purchaseView(findPurchase(platform, purchaseId))
  })

  router.post('/meters/v1/ic/purchases/:purchaseId/write', (ctx) => {
    const { purchaseId } = parseOr400(PurchasePathParams, ctx.params)
    const request = parseOr400(IcWriteRequest, ctx.request.body)
    ctx.body = purchaseView(writePurchase(platform, purchaseId, request))
  })

  if (state.devEndpoints) registerDevRoutes(router, platform)
  return router
}

/** Never in production: switch a meter's signal, break the gateway, tune confirmation. */
function registerDevRoutes(router: Router, platform: MeterPlatform): void {
  router.post('/sandbox/meters/fail-next', (ctx) => {
    const { count, status } = parseOr400(FailNext, ctx.request.body)
    platform.failNext(count, status)
    ctx.body = { remaining: platform.failuresLeft }
  })

  router.get('/sandbox/meters/settings', (ctx) => {
    ctx.body = { ...platform.settings }
  })

  router.post('/sandbox/meters/settings', (ctx) => {
    const update = parseOr400(MeterSettingsUpdate, ctx.request.body)
    if (update.confirmDelayMs !== undefined)
      platform.settings.confirmDelayMs = update.confirmDelayMs
    ctx.body = { ...platform.settings }
  })

  router.post('/sandbox/meters/:meterNo/online', (ctx) => {
    const { meterNo } = parseOr400(MeterPathParams, ctx.params)
    const { online } = parseOr400(OnlineUpdate, ctx.request.body)
    const book = platform.setOnline(meterNo, online)
    ctx.body = meterView(book, platform.settle())
  })
}
