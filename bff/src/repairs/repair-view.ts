import {
  maskAddress,
  maskPhone,
  RepairState,
  repairStateLabels,
  type Repair,
  type RepairEvent,
  type RepairProgressStep,
  type RepairTechnician,
} from '@gh/shared'
import type { WorkOrder, WorkOrderEvent } from '../upstream/workorders/workorders-port'
import {
  clockTime,
  dayAndTime,
  escalationWords,
  kindLabel,
  shanghai,
  slotLabel,
  technicianCallName,
  urgentAdvice,
} from './repair-words'

/** What the view needs besides the order: the time now and the service line. */
export interface ViewContext {
  now: Date
  /** The dispatch desk / service line, dialled when no relay number is given. */
  hotline: string
}

const isMasked = (phone: string) => !/^\+?\d[\d -]{6,}$/.test(phone.trim())

/** Upstream promises masked phones; a clear one is masked here rather than trusted. */
const masked = (phone: string) => (isMasked(phone) ? phone : maskPhone(phone))

export function stateOf(order: WorkOrder): RepairState {
  return order.status === 'resolved' && order.rating ? 'rated' : order.status
}

const isOpen = (order: WorkOrder) => order.status !== 'resolved'

function technicianOf(order: WorkOrder, hotline: string): RepairTechnician | null {
  const tech = order.technician
  if (!tech) return null
  const relay = order.relayPhone
  return {
    name: technicianCallName(tech.name),
    team: tech.team,
    phoneMasked: masked(tech.phoneMasked),
    callNumber: relay ?? hotline,
    callNote: relay
      ? '隐私号，拨通后直接联系师傅，工单完成后失效'
      : '拨打服务热线，由调度台为您转接师傅',
  }
}

/**
 * One event in the resident's words. The system's notes are not shown as they are (they may
 * name the technician in full), except the resolution, which says what was done.
 */
function eventOf(order: WorkOrder, event: WorkOrderEvent, hotline: string): RepairEvent {
  const who = order.technician ? technicianCallName(order.technician.name) : '师傅'
  const at = shanghai(event.at)
  const of = (label: string, detail: string | null): RepairEvent => ({
    type: event.type,
    label,
    detail,
    at,
  })
  switch (event.type) {
    case 'submitted': {
      const slot = order.slot ? `，希望${slotLabel(order.slot.date, order.slot.window)}上门` : ''
      return of('已提交', `已收到您的报修：${kindLabel(order.kind)}${slot}`)
    }
    case 'accepted':
      return of('已受理', '客服中心已受理，正在安排师傅')
    case 'dispatched':
      return of('已派单', `已派${order.technician?.team ?? ''}${who}处理`)
    case 'on_the_way':
      return of(
        '在路上',
        event.etaAt ? `${who}已出发，预计 ${clockTime(event.etaAt)} 到达` : `${who}已出发`,
      )
    case 'arrived':
      return of('已到达', `${who}已到达现场`)
    case 'resolved':
      return of('已处理', event.note)
    case 'rated':
      return of('已评价', null)
    case 'escalated': {
      const words = escalationWords(event.escalationLevel ?? 1, hotline)
      return of(words.label, words.detail)
    }
    case 'urged':
      return of('已催单', '已通知处理人员加快处理')
    case 'reopened':
      return of('已重新处理', '您反映问题仍未解决，已重新受理，将重新派单')
  }
}

export function eventsOf(order: WorkOrder, hotline: string): RepairEvent[] {
  return order.timeline.map((event) => eventOf(order, event, hotline))
}

/** The fixed steps; a reopened order counts as accepted again from its reopening. */
function progressOf(order: WorkOrder, state: RepairState): RepairProgressStep[] {
  const reached = RepairState.options.indexOf(state)
  const lastAt = (type: string): string | null => {
    const found = order.timeline.filter(
      (e) => e.type === type || (type === 'accepted' && e.type === 'reopened'),
    )
    const last = found.at(-1)
    return last ? shanghai(last.at) : null
  }
  const ratedAt = order.rating ? shanghai(order.rating.ratedAt) : null
  return RepairState.options.map((step, i) => {
    const done = i <= reached
    return {
      state: step,
      label: repairStateLabels[step],
      at: !done ? null : step === 'rated' ? ratedAt : lastAt(step),
      done,
    }
  })
}

function hintOf(order: WorkOrder, state: RepairState, ctx: ViewContext): string | null {
  const who = order.technician ? technicianCallName(order.technician.name) : '师傅'
  switch (state) {
    case 'submitted':
      if (order.urgent) return urgentAdvice[order.kind] ?? null
      if (order.escalationLevel > 0)
        return escalationWords(order.escalationLevel, ctx.hotline).detail
      return `客服中心会在 ${dayAndTime(order.acceptanceDueAt)} 前受理`
    case 'accepted':
      return order.urgent ? (urgentAdvice[order.kind] ?? null) : '正在安排师傅，派单后会通知您'
    case 'dispatched':
      return order.slot
        ? `${who}会在${slotLabel(order.slot.date, order.slot.window)}上门，请保持电话畅通`
        : `${who}会尽快与您联系，请保持电话畅通`
    case 'on_the_way':
      return order.etaAt
        ? `${who}预计 ${clockTime(order.etaAt)} 到达，请保持电话畅通`
        : `${who}已出发，请保持电话畅通`
    case 'arrived':
      return `${who}已到达，请配合检修`
    case 'resolved':
      return order.reopenUntil
        ? `如问题仍未解决，可在 ${dayAndTime(order.reopenUntil)} 前申请重新处理；欢迎评价本次服务`
        : '欢迎评价本次服务'
    case 'rated':
      return null
  }
}

/** The work order as the resident reads it: labels, hints, masked data, what they may do. */
export function toRepair(order: WorkOrder, ctx: ViewContext): Repair {
  const state = stateOf(order)
  const nowMs = ctx.now.getTime()
  const lastEscalation = order.timeline.filter((e) => e.type === 'escalated').at(-1)
  const resolved = order.status === 'resolved'
  const urgeAtMs = order.nextUrgeAt ? Date.parse(order.nextUrgeAt) : null
  const reopenUntilMs = order.reopenUntil ? Date.parse(order.reopenUntil) : null
  return {
    repairNo: order.orderId,
    accountNo: order.accountNo,
    kind: order.kind,
    kindLabel: kindLabel(order.kind),
    urgent: order.urgent,
    state,
    stateLabel: repairStateLabels[state],
    hint: hintOf(order, state, ctx),
    description: order.description,
    photoIds: order.photoIds,
    addressMasked: maskAddress(order.address),
    contactPhoneMasked: masked(order.contactPhoneMasked),
    slot: order.slot && { ...order.slot, label: slotLabel(order.slot.date, order.slot.window) },
    createdAt: shanghai(order.createdAt),
    acceptanceDueAt: shanghai(order.acceptanceDueAt),
    escalation:
      order.escalationLevel > 0 && lastEscalation
        ? {
            level: order.escalationLevel,
            ...escalationWords(order.escalationLevel, ctx.hotline),
            at: shanghai(lastEscalation.at),
          }
        : null,
    technician: technicianOf(order, ctx.hotline),
    etaAt: order.etaAt && isOpen(order) ? shanghai(order.etaAt) : null,
    resolvedAt: order.resolvedAt && shanghai(order.resolvedAt),
    rating: order.rating && { ...order.rating, ratedAt: shanghai(order.rating.ratedAt) },
    progress: progressOf(order, state),
    timeline: eventsOf(order, ctx.hotline),
    actions: {
      canUrge: isOpen(order) && (urgeAtMs === null || urgeAtMs <= nowMs),
      nextUrgeAt:
        isOpen(order) && urgeAtMs !== null && urgeAtMs > nowMs && order.nextUrgeAt
          ? shanghai(order.nextUrgeAt)
          : null,
      canRate: resolved && !order.rating,
      canReopen: resolved && reopenUntilMs !== null && nowMs <= reopenUntilMs,
      reopenUntil: order.reopenUntil && shanghai(order.reopenUntil),
    },
  }
}
