import { bodyParser } from '@koa/bodyparser'
import Router from '@koa/router'
import {
  HelpAlertPathParams,
  HelpAlertRequest,
  type DeskAlert,
} from '../../../contracts/workorders-service'
import { toShanghaiIso, type SandboxClock } from '../../clock'
import { SandboxError, parseOr400 } from '../../middleware/errors'
import { districts } from '../../seed/places'
import { idempotencyMismatch } from '../meters/idempotency'
import type { PortDeps } from '../port'
import { DeskAcknowledgement } from './service-openapi'

/**
 * The service desks' 一键求助 queue: each alert is recorded as it came (address and location
 * included, for the person on duty) and stays open until someone at the desk confirms it,
 * which the developer does through an endpoint. The list endpoint shows every alert sent.
 */

interface Received {
  request: HelpAlertRequest
  alert: DeskAlert
}

export class HelpDesk {
  private readonly byRequest = new Map<string, Received>()
  private readonly byRef = new Map<string, Received>()

  constructor(private readonly clock: SandboxClock) {}

  receive(request: HelpAlertRequest): { alert: DeskAlert; created: boolean } {
    const earlier = this.byRequest.get(request.requestId)
    if (earlier) {
      if (JSON.stringify(earlier.request) !== JSON.stringify(request)) throw idempotencyMismatch()
      return { alert: { ...earlier.alert }, created: false }
    }
    const district = districts.find((d) => d.code === request.areaCode.slice(0, 6))
    const received: Received = {
      request,
      alert: {
        deskRef: `HD${String(this.clock.nowMs()).slice(-8)}${String(this.byRef.size + 1).padStart(4, '0')}`,
        accountNo: request.accountNo,
        kind: request.kind,
        desk: `${district?.name ?? ''}燃气服务站`,
        receivedAt: toShanghaiIso(this.clock.nowMs()),
        acknowledgedBy: null,
        acknowledgedAt: null,
      },
    }
    this.byRequest.set(request.requestId, received)
    this.byRef.set(received.alert.deskRef, received)
    return { alert: { ...received.alert }, created: true }
  }

  find(deskRef: string): DeskAlert {
    return { ...this.mustFind(deskRef).alert }
  }

  acknowledge(deskRef: string, by: string): DeskAlert {
    const { alert } = this.mustFind(deskRef)
    if (!alert.acknowledgedAt) {
      alert.acknowledgedBy = by
      alert.acknowledgedAt = toShanghaiIso(this.clock.nowMs())
    }
    return { ...alert }
  }

  /** Every alert received, newest first, as the desk saw it. */
  list(): (DeskAlert & { request: HelpAlertRequest })[] {
    return [...this.byRef.values()].reverse().map((r) => ({ ...r.alert, request: r.request }))
  }

  private mustFind(deskRef: string): Received {
    const received = this.byRef.get(deskRef)
    if (!received) throw new SandboxError(404, 'NOT_FOUND', '没有这条求助')
    return received
  }
}

export interface HelpDeskState {
  readonly desk: HelpDesk
  readonly devEndpoints: boolean
}

export function createHelpDeskState(deps: PortDeps): HelpDeskState {
  return { desk: new HelpDesk(deps.clock), devEndpoints: deps.config.nodeEnv !== 'production' }
}

export function helpDeskRouter(state: HelpDeskState): Router {
  const { desk } = state
  const router = new Router()
  router.use(bodyParser({ enableTypes: ['json'] }))

  router.post('/workorders/v1/help-alerts', (ctx) => {
    const { alert, created } = desk.receive(parseOr400(HelpAlertRequest, ctx.request.body))
    ctx.status = created ? 201 : 200
    ctx.body = alert
  })

  router.get('/workorders/v1/help-alerts/:deskRef', (ctx) => {
    const { deskRef } = parseOr400(HelpAlertPathParams, ctx.params)
    ctx.body = desk.find(deskRef)
  })

  if (state.devEndpoints) {
    router.get('/sandbox/help-alerts', (ctx) => {
      ctx.body = { items: desk.list() }
    })
    router.post('/sandbox/help-alerts/:deskRef/acknowledge', (ctx) => {
      const { deskRef } = parseOr400(HelpAlertPathParams, ctx.params)
      const { by } = parseOr400(DeskAcknowledgement, ctx.request.body ?? {})
      ctx.body = desk.acknowledge(deskRef, by)
    })
  }
  return router
}
