import { bodyParser } from '@koa/bodyparser'
import Router from '@koa/router'
import {
  BookIgnitionRequest,
  IgnitionPathParams,
  type IgnitionView,
} from '../../../contracts/workorders-service'
import { shanghaiMs, toShanghaiIso, type SandboxClock } from '../../clock'
import { SandboxError, parseOr400 } from '../../middleware/errors'
import type { ConnectionDesk } from '../customers/connections'
import type { AccountDirectory } from '../customers/directory'
import type { PortDeps } from '../port'
import { IgnitionCompletion } from './service-openapi'
import { seedTechnicians, type TechnicianRecord } from './technicians'

/**
 * 通气点火: once a new connection's meter is installed, its household books the visit in a
 * half-day slot; the technician turns the gas on after a safety check of the kitchen, which is
 * recorded with the account. The visit is completed by a developer endpoint.
 */

const WINDOWS = { am: { from: 9, to: 12 }, pm: { from: 14, to: 18 } } as const
const DAYS_AHEAD = 3

const CHECKS = [
  '燃气表及表前阀门',
  '灶具熄火保护',
  '燃气软管（金属波纹管）',
  '燃气报警器',
  '热水器烟道',
]

interface Visit {
  slotId: string
  fromMs: number
  toMs: number
  technician: TechnicianRecord
  result: NonNullable<IgnitionView['result']> | null
}

export class IgnitionDesk {
  private readonly visits = new Map<string, Visit>()
  private readonly technicians: TechnicianRecord[]

  constructor(
    private readonly clock: SandboxClock,
    private readonly directory: AccountDirectory,
    private readonly connections: ConnectionDesk,
    seed: number,
  ) {
    this.technicians = seedTechnicians(seed)
  }

  view(accountNo: string): IgnitionView {
    const connection = this.connections.ofAccount(accountNo)
    if (!connection) throw new SandboxError(404, 'NO_CONNECTION', '该户号不是新报装户')
    const visit = this.visits.get(accountNo)
    const status = visit?.result ? 'done' : visit ? 'booked' : 'open'
    return {
      accountNo,
      status,
      slots: status === 'done' ? [] : this.slots(),
      booking: visit
        ? {
            slotId: visit.slotId,
            from: toShanghaiIso(visit.fromMs),
            to: toShanghaiIso(visit.toMs),
            technician: visit.technician.name,
          }
        : null,
      result: visit?.result ? { ...visit.result } : null,
    }
  }

  /** Books or moves the visit; booking the slot already booked changes nothing. */
  book(accountNo: string, slotId: string): IgnitionView {
    const current = this.view(accountNo)
    if (current.status === 'done') throw new SandboxError(409, 'IGNITION_DONE', '已经通气点火')
    const slot = current.slots.find((s) => s.slotId === slotId && s.available)
    if (!slot) throw new SandboxError(409, 'SLOT_UNAVAILABLE', '该时段已约满')
    const account = this.directory.get(accountNo)
    const team = this.technicians.filter((t) => t.district === account?.address.district)
    const technician = team[1] ?? team[0] ?? this.technicians[0]
    if (!technician) throw new SandboxError(503, 'SERVICE_UNAVAILABLE', '暂无可派师傅')
    this.visits.set(accountNo, {
      slotId,
      fromMs: Date.parse(slot.from),
      toMs: Date.parse(slot.to),
      technician,
      result: null,
    })
    return this.view(accountNo)
  }

  /** The technician's visit: the safety check, then the gas on when it passed. */
  complete(accountNo: string, failed: readonly string[]): IgnitionView {
    const visit = this.visits.get(accountNo)
    if (!visit) throw new SandboxError(409, 'NOT_BOOKED', '还没有预约通气点火')
    const items = CHECKS.map((label) => ({ label, passed: !failed.includes(label) }))
    const passed = items.every((i) => i.passed)
    visit.result = {
      doneAt: toShanghaiIso(this.clock.nowMs()),
      passed,
      items,
      note: passed ? '安检合格，已通气点火' : '安检未通过，整改后再约通气',
    }
    if (passed) this.connections.ignited(accountNo)
    else this.visits.delete(accountNo)
    return passed ? this.view(accountNo) : { ...this.view(accountNo), result: visit.result }
  }

  private slots(): IgnitionView['slots'] {
    const [y, m, d] = toShanghaiIso(this.clock.nowMs()).slice(0, 10).split('-').map(Number) as [
      number,
      number,
      number,
    ]
    return Array.from({ length: DAYS_AHEAD }, (_, i) => i + 1).flatMap((ahead) =>
      (['am', 'pm'] as const).map((window) => {
        const fromMs = shanghaiMs(y, m, d + ahead, WINDOWS[window].from)
        const date = toShanghaiIso(fromMs).slice(0, 10)
        return {
          slotId: `${date}-${window}`,
          date,
          window,
          from: toShanghaiIso(fromMs),
          to: toShanghaiIso(shanghaiMs(y, m, d + ahead, WINDOWS[window].to)),
          available: true,
        }
      }),
    )
  }
}

export interface IgnitionState {
  readonly desk: IgnitionDesk
  readonly devEndpoints: boolean
}

export function createIgnitionState(
  deps: PortDeps,
  directory: AccountDirectory,
  connections: ConnectionDesk,
): IgnitionState {
  return {
    desk: new IgnitionDesk(deps.clock, directory, connections, deps.config.seed),
    devEndpoints: deps.config.nodeEnv !== 'production',
  }
}

export function ignitionRouter(state: IgnitionState): Router {
  const { desk } = state
  const router = new Router()
  router.use(bodyParser({ enableTypes: ['json'] }))

  router.get('/workorders/v1/ignition/:accountNo', (ctx) => {
    const { accountNo } = parseOr400(IgnitionPathParams, ctx.params)
    ctx.body = desk.view(accountNo)
  })

  router.post('/workorders/v1/ignition/:accountNo/booking', (ctx) => {
    const { accountNo } = parseOr400(IgnitionPathParams, ctx.params)
    const { slotId } = parseOr400(BookIgnitionRequest, ctx.request.body)
    ctx.body = desk.book(accountNo, slotId)
  })

  if (state.devEndpoints) {
    router.post('/sandbox/ignition/:accountNo/complete', (ctx) => {
      const { accountNo } = parseOr400(IgnitionPathParams, ctx.params)
      const { failed } = parseOr400(IgnitionCompletion, ctx.request.body ?? {})
      ctx.body = desk.complete(accountNo, failed)
    })
  }
  return router
}
