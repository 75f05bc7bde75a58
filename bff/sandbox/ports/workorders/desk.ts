import type {
  CreateWorkOrderRequest,
  RatingRequest,
  ReopenRequest,
  UrgeRequest,
  WorkOrder,
} from '../../../contracts/workorders'
import { toShanghaiIso, type SandboxClock } from '../../clock'
import { SandboxError } from '../../middleware/errors'
import { hashString } from '../../random'
import type { AccountDirectory } from '../customers/directory'
import { idempotencyMismatch } from '../meters/idempotency'
import type { WorkOrderSettings } from './dev-schemas'
import { event, relayNumberOf, type OrderRecord } from './order-record'
import {
  DISPATCH_STEP,
  MAX_ESCALATION_LEVEL,
  REOPEN_WINDOW_MS,
  SECOND_ESCALATION_PERIODS,
  defaultAcceptanceSlaMs,
  escalationNotes,
  resolutionNotes,
  scheduleOf,
  slaClassOf,
  steps,
  urgentKinds,
  type Step,
} from './schedule'
import type { SlotBook } from './slots'
import type { TechnicianRecord } from './technicians'
import { dayAndTime, shortTime, viewOf } from './view'

const MIN = 60_000

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
    private readonly slots: SlotBook,
  ) {}

  slotsOf(accountNo: string) {
    const now = this.settle()
    return this.slots.offers(this.account(accountNo).address.district, now)
  }

  create(request: CreateWorkOrderRequest): { order: OrderRecord; created: boolean } {
    const now = this.settle()
    const existing = this.byRequest.get(request.requestId)
    if (existing) {
      if (JSON.stringify(existing.request) !== JSON.stringify(request)) throw idempotencyMismatch()
      return { order: existing, created: false }
    }
    const account = this.account(request.accountNo)
    const urgent = urgentKinds.has(request.kind)
    const slot = request.preferredSlot
    if (urgent && slot) {
      throw new SandboxError(400, 'INVALID_ARGUMENT', '紧急工单立即派单，不预约上门时间')
    }
    const district = account.address.district
    if (slot && !this.slots.find(district, now, slot)) {
      throw new SandboxError(409, 'SLOT_UNAVAILABLE', '该时段不可预约或已约满')
    }
    if (slot) this.slots.book(district, slot)
    const rural = account.address.building === null
    const gaps = scheduleOf(request.kind, rural)
    const slaMs = this.settings.acceptanceSlaMs[slaClassOf(request.kind, rural)]
    this.sequence += 1
    const date = toShanghaiIso(now).slice(0, 10).replace(/-/g, '')
    const order: OrderRecord = {
      orderId: `WO${date}${String(this.sequence).padStart(5, '0')}`,
      request,
      account,
      urgent,
      createdAtMs: now,
      slaMs,
      acceptanceDueMs: now + slaMs,
      gaps,
      next: 0,
      nextAtMs: now + (gaps[0] ?? 0),
      slaBreached: false,
      escalationLevel: 0,
      technician: null,
      relayPhone: null,
      etaAtMs: null,
      resolvedAtMs: null,
      lastUrgeMs: null,
      applied: new Map(),
      timeline: [event('submitted', now, '已收到您的报修')],
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
    order.timeline.push(event('rated', now, `用户评价 ${request.score} 星`))
    return order
  }

  /** 催单: once per SLA period while the order is open. */
  urge(orderId: string, request: UrgeRequest): OrderRecord {
    const order = this.find(orderId)
    if (this.replayed(order, request.requestId, 'urge')) return order
    if (order.next >= steps.length) {
      throw new SandboxError(409, 'ORDER_CLOSED', '工单已处理完毕')
    }
    const now = this.clock.nowMs()
    const allowedAt = order.lastUrgeMs === null ? order.createdAtMs : order.lastUrgeMs + order.slaMs
    if (now < allowedAt) {
      throw new SandboxError(
        409,
        'URGE_TOO_SOON',
        `已催过单，${dayAndTime(allowedAt)} 后可再次催单`,
      )
    }
    order.lastUrgeMs = now
    order.applied.set(request.requestId, 'urge')
    const who = order.technician ? `${order.technician.team}` : '客服中心'
    order.timeline.push(event('urged', now, `用户催单，已通知${who}加快处理`))
    return order
  }

  /** The fault is back: within 7 days of resolution the order goes back to dispatch. */
  reopen(orderId: string, request: ReopenRequest): OrderRecord {
    const order = this.find(orderId)
    const carried = `reopen:${request.reason}`
    if (this.replayed(order, request.requestId, carried)) return order
    if (order.next < steps.length || order.resolvedAtMs === null) {
      throw new SandboxError(409, 'ORDER_NOT_RESOLVED', '工单尚未完成，无需重新打开')
    }
    const now = this.clock.nowMs()
    if (now > order.resolvedAtMs + REOPEN_WINDOW_MS) {
      throw new SandboxError(409, 'REOPEN_WINDOW_CLOSED', '已超过处理完成后7天，不能重新打开')
    }
    order.applied.set(request.requestId, carried)
    order.timeline.push(
      event('reopened', now, `用户反映：${request.reason}。已重新受理，将重新派单`),
    )
    order.next = DISPATCH_STEP
    order.nextAtMs = now + (order.gaps[DISPATCH_STEP] ?? 0)
    order.resolvedAtMs = null
    order.etaAtMs = null
    order.rating = null
    this.open.add(order)
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

  /** Applies every step and escalation due by now, each at the time it fell due. */
  settle(): number {
    const now = this.clock.nowMs()
    for (const order of this.open) {
      for (;;) {
        const stepAt =
          this.pausedAtMs === null && order.next < steps.length ? order.nextAtMs : Infinity
        const escalateAt = this.escalationDue(order)
        if (Math.min(stepAt, escalateAt) > now) break
        if (escalateAt <= stepAt) this.escalate(order, escalateAt)
        else this.advance(order)
      }
      if (order.next >= steps.length) this.open.delete(order)
    }
    return now
  }

  view(order: OrderRecord): WorkOrder {
    return viewOf(order)
  }

  private account(accountNo: string) {
    const account = this.directory.get(accountNo)
    if (!account) throw new SandboxError(404, 'ACCOUNT_NOT_FOUND', '户号不存在')
    return account
  }

  /** A write already applied under this requestId answers again; other content is refused. */
  private replayed(order: OrderRecord, requestId: string, carried: string): boolean {
    const applied = order.applied.get(requestId)
    if (applied === undefined) return false
    if (applied !== carried) throw idempotencyMismatch()
    return true
  }

  /** Level 1 at the SLA; level 2 when still not accepted two SLA periods after that. */
  private escalationDue(order: OrderRecord): number {
    if (order.next !== 0 || order.escalationLevel >= MAX_ESCALATION_LEVEL) return Infinity
    return order.acceptanceDueMs + order.escalationLevel * SECOND_ESCALATION_PERIODS * order.slaMs
  }

  private escalate(order: OrderRecord, atMs: number): void {
    order.slaBreached = true
    order.escalationLevel += 1
    order.timeline.push({
      ...event('sla_breached', atMs, escalationNotes[order.escalationLevel] ?? '已升级督办'),
      escalationLevel: order.escalationLevel,
    })
  }

  private advance(order: OrderRecord): void {
    const step = steps[order.next] as Step
    const at = order.nextAtMs
    order.next += 1
    order.nextAtMs = at + (order.gaps[order.next] ?? 0)
    if (step === 'dispatched') {
      order.technician ??= this.pickTechnician(order)
      order.relayPhone ??= relayNumberOf(order.orderId)
      const slotStart = this.slotStartMs(order)
      if (slotStart !== null) order.nextAtMs = Math.max(order.nextAtMs, slotStart)
    }
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
    if (step === 'resolved') {
      note = resolutionNotes[order.request.kind]
      order.resolvedAtMs = at
    }
    order.timeline.push({
      ...event(step, at, note),
      technician: step === 'accepted' ? null : tech,
      etaAtMs: step === 'on_the_way' ? order.etaAtMs : null,
    })
  }

  /** With a preferred slot the technician sets out inside it, at a time spread per order. */
  private slotStartMs(order: OrderRecord): number | null {
    const slot = order.request.preferredSlot
    if (!slot) return null
    const offer = this.slots
      .offers(order.account.address.district, order.createdAtMs)
      .find((o) => o.date === slot.date && o.window === slot.window)
    if (!offer) return null
    return offer.fromMs + (hashString(order.orderId) % 4) * 30 * MIN
  }

  private pickTechnician(order: OrderRecord): TechnicianRecord {
    const local = this.technicians.filter((t) => t.district === order.account.address.district)
    const pool = local.length > 0 ? local : this.technicians
    // Urgent kinds go to the emergency crew (first of each district); other faults share the rest.
    const index = order.urgent ? 0 : 1 + (hashString(order.orderId) % Math.max(1, pool.length - 1))
    return pool[Math.min(index, pool.length - 1)] as TechnicianRecord
  }
}
