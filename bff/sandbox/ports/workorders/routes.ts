import { bodyParser } from '@koa/bodyparser'
import Router from '@koa/router'
import {
  CreateWorkOrderRequest,
  OrderPathParams,
  OrdersQuery,
  RatingRequest,
  ReopenRequest,
  UrgeRequest,
} from '../../../contracts/workorders'
import { toShanghaiIso } from '../../clock'
import { parseOr400 } from '../../middleware/errors'
import { assertHeaderKey } from '../meters/idempotency'
import type { WorkOrderDesk } from './desk'
import { WorkOrderSettingsUpdate } from './dev-schemas'

export interface WorkOrdersState {
  readonly desk: WorkOrderDesk
  readonly devEndpoints: boolean
}

/** The work order system, as described by bff/contracts/workorders.ts. */
export function workordersRouter(state: WorkOrdersState): Router {
  const { desk } = state
  const router = new Router()
  router.use(bodyParser({ enableTypes: ['json'] }))

  router.get('/workorders/v1/slots', (ctx) => {
    const { accountNo } = parseOr400(OrdersQuery, ctx.query)
    const slots = desk.slotsOf(accountNo).map(({ date, window, fromMs, toMs, available }) => ({
      date,
      window,
      from: toShanghaiIso(fromMs),
      to: toShanghaiIso(toMs),
      available,
    }))
    ctx.body = { accountNo, slots }
  })

  router.post('/workorders/v1/orders', (ctx) => {
    const request = parseOr400(CreateWorkOrderRequest, ctx.request.body)
    assertHeaderKey(ctx, request.requestId)
    const { order, created } = desk.create(request)
    ctx.status = created ? 201 : 200
    ctx.body = desk.view(order)
  })

  router.get('/workorders/v1/orders', (ctx) => {
    const { accountNo } = parseOr400(OrdersQuery, ctx.query)
    ctx.body = { accountNo, orders: desk.ofAccount(accountNo).map((o) => desk.view(o)) }
  })

  router.get('/workorders/v1/orders/:orderId', (ctx) => {
    const { orderId } = parseOr400(OrderPathParams, ctx.params)
    ctx.body = desk.view(desk.find(orderId))
  })

  router.post('/workorders/v1/orders/:orderId/rating', (ctx) => {
    const { orderId } = parseOr400(OrderPathParams, ctx.params)
    const request = parseOr400(RatingRequest, ctx.request.body)
    ctx.body = desk.view(desk.rate(orderId, request))
  })

  router.post('/workorders/v1/orders/:orderId/urges', (ctx) => {
    const { orderId } = parseOr400(OrderPathParams, ctx.params)
    const request = parseOr400(UrgeRequest, ctx.request.body)
    assertHeaderKey(ctx, request.requestId)
    ctx.body = desk.view(desk.urge(orderId, request))
  })

  router.post('/workorders/v1/orders/:orderId/reopen', (ctx) => {
    const { orderId } = parseOr400(OrderPathParams, ctx.params)
    const request = parseOr400(ReopenRequest, ctx.request.body)
    assertHeaderKey(ctx, request.requestId)
    ctx.body = desk.view(desk.reopen(orderId, request))
  })

  if (state.devEndpoints) {
    router.get('/sandbox/workorders/settings', (ctx) => {
      desk.settle()
      ctx.body = desk.settings
    })
    router.post('/sandbox/workorders/settings', (ctx) => {
      desk.update(parseOr400(WorkOrderSettingsUpdate, ctx.request.body))
      ctx.body = desk.settings
    })
  }

  return router
}
