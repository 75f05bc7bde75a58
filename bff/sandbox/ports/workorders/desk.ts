import { maskPhone } from '@gh/shared'
import type { CustomerAccount } from '../../../contracts/customers'
import type {
  CreateWorkOrderRequest,
  RatingRequest,
  WorkOrder,
} from '../../../contracts/workorders'
import { toShanghaiIso, type SandboxClock } from '../../clock'
import { SandboxError } from '../../middleware/errors'
import { hashString } from '../../random'
import type { AccountDirectory } from '../customers/directory'
import { idempotencyMismatch } from '../meters/idempotency'
import type { WorkOrderSettings } from './dev-schemas'
import { defaultAcceptanceSlaMs, resolutionNotes, scheduleOf, steps, type Step } from './schedule'
import type { TechnicianRecord } from './technicians'

type EventType = WorkOrder['timeline'][number]['type']

interface EventRecord {
  type: EventType
  atMs: number
  note: string
  technician: TechnicianRecord | null
  etaAtMs: number | null
}

interface OrderRecord {
  readonly orderId: string
  readonly request: CreateWorkOrderRequest
  readonly account: CustomerAccount
  readonly createdAtMs: number
  readonly acceptanceDueMs: number
  readonly gaps: readonly number[]
  /** Index in `steps` of the next step; steps.length once resolved. */
  next: number
  nextAtMs: number
  slaBreached: boolean
  technician: TechnicianRecord | null
  etaAtMs: number | null
  readonly timeline: EventRecord[]
  rating: { score: number; comment: string | null; ratedAtMs: number } | null
}

const shortTime = (ms: number): string => toShanghaiIso(ms).slice(11, 16)

/**
 * The dispatch desk. Orders move only when the sandbox clock passes their next step (every
 * call settles first), so a test advances the clock and reads the order to see it move.
 */
export class WorkOrderDesk {
  readonly settings: WorkOrderSettings = {
    acceptanceSlaMs: { ...defaultAcceptanceSlaMs },
    paused: false,
  }
  private readonly orders = new Map<string, OrderRecord>()
  private readonly byRequest = new Map<string, OrderRecord>()
  private readonly open = new Set<OrderRecord>()
  private pausedAtMs: number | null = null
  private sequence = 0

  constructor(
    private readonly clock: SandboxClock,
    private readonly directory: AccountDirectory,
    private readonly technicians: readonly TechnicianRecord[],
  ) {}

  create(request: CreateWorkOrderRequest): { order: OrderRecord; created: boolean } {
    const now = this.settle()
    const existing = this.byRequest.get(request.requestId)
    if (existing) {
      if (JSON.stringify(existing.request) !== JSON.stringify(request)) throw idempotencyMismatch()
      return { order: existing, created: false }
    }
    const account = this.directory.get(request.accountNo)
    if (!account) throw new SandboxError(404, 'ACCOUNT_NOT_FOUND', '户号不存在')
    const gaps = scheduleOf(request.kind, account.address.building === null)
    this.sequence += 1
    const date = toShanghaiIso(now).slice(0, 10).replace(/-/g, '')
    const order: OrderRecord = {
      orderId: `WO${date}${String(this.sequence).padStart(5, '0')}`,
      request,
      account,
      createdAtMs: now,
      acceptanceDueMs: now + this.settings.acceptanceSlaMs[request.kind],
      gaps,
      next: 0,
      nextAtMs: now + (gaps[0] ?? 0),
      slaBreached: false,
      technician: null,
      etaAtMs: null,
      timeline: [
        { type: 'submitted', atMs: now, note: '已收到您的报修', technician: null, etaAtMs: null },
      ],
      rating: null,
    }
    this.orders.set(order.orderId, order)
    this.byRequest.set(request.requestId, order)
    this.open.add(order)
    return { order, created: true }
  }

  find(orderId: string): OrderRecord {
    this.settle()
    const order = this.orders.get(orderId)
    if (!order) throw new SandboxError(404, 'ORDER_NOT_FOUND', '工单不存在')
    return order
  }

  ofAccount(accountNo: string): OrderRecord[] {
    this.settle()
    return [...this.orders.values()].filter((o) => o.account.accountNo === accountNo).reverse()
  }

  rate(orderId: string, request: RatingRequest): OrderRecord {
    const order = this.find(orderId)
    const comment = request.comment ?? null
    if (order.rating) {
      if (order.rating.score === request.score && order.rating.comment === comment) return order
      throw new SandboxError(409, 'ALREADY_RATED', '该工单已评价')
    }
    if (order.next < steps.length) {
      throw new SandboxError(409, 'ORDER_NOT_RESOLVED', '工单尚未完成，暂不能评价')
    }
    const now = this.clock.nowMs()
    order.rating = { score: request.score, comment, ratedAtMs: now }
    order.timeline.push({
      type: 'rated',
      atMs: now,
      note: `用户评价 ${request.score} 星`,
      technician: null,
      etaAtMs: null,
    })
    return order
  }

  /** Pausing stops the dispatch desk; on resume every open order's schedule shifts by the pause. */
  update(update: {
    acceptanceSlaMs?: Partial<WorkOrderSettings['acceptanceSlaMs']>
    paused?: boolean
  }): void {
    const now = this.settle()
    Object.assign(this.settings.acceptanceSlaMs, update.acceptanceSlaMs ?? {})
    if (update.paused === true && this.pausedAtMs === null) this.pausedAtMs = now
    if (update.paused === false && this.pausedAtMs !== null) {
      // Orders reported during the pause start their clock when dispatch resumes.
      for (const order of this.open) {
        order.nextAtMs += now - Math.max(this.pausedAtMs, order.createdAtMs)
      }
      this.pausedAtMs = null
    }
    this.settings.paused = this.pausedAtMs !== null
  }

  /** Applies every step and SLA breach due by now, each at the time it fell due. */
  settle(): number {
    const now = this.clock.nowMs()
    for (const order of this.open) {
      for (;;) {
        const stepAt =
          this.pausedAtMs === null && order.next < steps.length ? order.nextAtMs : Infinity
        const breachAt = order.next === 0 && !order.slaBreached ? order.acceptanceDueMs : Infinity
        if (Math.min(stepAt, breachAt) > now) break
        if (breachAt <= stepAt) this.breach(order)
        else this.advance(order)
      }
      if (order.next >= steps.length) this.open.delete(order)
    }
    return now
  }

  private breach(order: OrderRecord): void {
    order.slaBreached = true
    order.timeline.push({
      type: 'sla_breached',
      atMs: order.acceptanceDueMs,
      note: '超过受理时限仍未受理，已升级督办',
      technician: null,
      etaAtMs: null,
    })
  }

  private advance(order: OrderRecord): void {
    const step = steps[order.next] as Step
    const at = order.nextAtMs
    order.next += 1
    order.nextAtMs = at + (order.gaps[order.next] ?? 0)
    if (step === 'dispatched') order.technician = this.pickTechnician(order)
    const tech = order.technician
    const name = tech ? `${tech.name}师傅` : '师傅'
    let note = '客服中心已受理'
    if (step === 'dispatched') note = `已派单给${tech?.team ?? ''}${name}`
    if (step === 'on_the_way') {
      const afterDispatch = order.gaps[order.next] ?? 0
      order.etaAtMs = at + afterDispatch
      note = `${name}已出发，预计 ${shortTime(order.etaAtMs)} 到达`
    }
    if (step === 'arrived') note = `${name}已到达现场`
    if (step === 'resolved') note = resolutionNotes[order.request.kind]
    order.timeline.push({
      type: step,
      atMs: at,
      note,
      technician: step === 'accepted' ? null : tech,
      etaAtMs: step === 'on_the_way' ? order.etaAtMs : null,
    })
  }

  private pickTechnician(order: OrderRecord): TechnicianRecord {
    const local = this.technicians.filter((t) => t.district === order.account.address.district)
    const pool = local.length > 0 ? local : this.technicians
    // Leaks go to the emergency crew (first of each district); other faults share the rest.
    const index =
      order.request.kind === 'gas_leak'
        ? 0
        : 1 + (hashString(order.orderId) % Math.max(1, pool.length - 1))
    return pool[Math.min(index, pool.length - 1)] as TechnicianRecord
  }

  view(order: OrderRecord): WorkOrder {
    const iso = (ms: number | null): string | null => (ms === null ? null : toShanghaiIso(ms))
    const tech = (t: TechnicianRecord | null) =>
      t && { technicianId: t.technicianId, name: t.name, phone: maskPhone(t.phone), team: t.team }
    const resolved = order.timeline.find((e) => e.type === 'resolved')
    return {
      orderId: order.orderId,
      requestId: order.request.requestId,
      accountNo: order.account.accountNo,
      kind: order.request.kind,
      status: order.next === 0 ? 'submitted' : (steps[order.next - 1] as Step),
      description: order.request.description,
      photos: [...order.request.photos],
      contactPhone: maskPhone(order.request.contactPhone),
      createdAt: toShanghaiIso(order.createdAtMs),
      acceptanceDueAt: toShanghaiIso(order.acceptanceDueMs),
      slaBreached: order.slaBreached,
      technician: tech(order.technician),
      etaAt: iso(order.etaAtMs),
      resolvedAt: iso(resolved?.atMs ?? null),
      timeline: order.timeline.map((e) => ({
        type: e.type,
        at: toShanghaiIso(e.atMs),
        note: e.note,
        technician: tech(e.technician),
        etaAt: iso(e.etaAtMs),
      })),
      rating: order.rating && {
        score: order.rating.score,
        comment: order.rating.comment,
        ratedAt: toShanghaiIso(order.rating.ratedAtMs),
      },
    }
  }
}
