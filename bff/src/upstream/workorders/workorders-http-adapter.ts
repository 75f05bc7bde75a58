import {
  SlotList,
  WorkOrder as ContractOrder,
  WorkOrderList,
  type CreateWorkOrderRequest,
} from '../../../contracts/workorders'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'
import {
  WorkOrderRefused,
  type NewWorkOrder,
  type VisitSlot,
  type WorkOrder,
  type WorkOrderEvent,
  type WorkOrderRefusal,
  type WorkOrdersPort,
} from './workorders-port'

const REFUSALS: Record<string, WorkOrderRefusal> = {
  ORDER_NOT_FOUND: 'not_found',
  SLOT_UNAVAILABLE: 'slot_unavailable',
  URGE_TOO_SOON: 'urge_too_soon',
  ORDER_CLOSED: 'closed',
  ORDER_NOT_RESOLVED: 'not_resolved',
  ALREADY_RATED: 'already_rated',
  REOPEN_WINDOW_CLOSED: 'reopen_window_closed',
  IDEMPOTENCY_MISMATCH: 'idempotency_mismatch',
}

/** The system's order ids; anything else cannot name an order, so it is not sent at all. */
const ORDER_ID = /^WO\d{13}$/

const orderPath = (orderId: string) => `/workorders/v1/orders/${orderId}`

/** A business refusal becomes our refusal; transport and contract failures stay as they are. */
function refusalOf(err: unknown): WorkOrderRefused | null {
  if (!(err instanceof UpstreamError) || err.kind !== 'rejected') return null
  const reason = err.upstreamCode ? REFUSALS[err.upstreamCode] : undefined
  return reason ? new WorkOrderRefused(reason) : null
}

function eventOf(event: ContractOrder['timeline'][number]): WorkOrderEvent {
  return {
    type: event.type === 'sla_breached' ? 'escalated' : event.type,
    at: event.at,
    note: event.note,
    etaAt: event.etaAt,
    escalationLevel: event.escalationLevel,
  }
}

function orderOf(order: ContractOrder): WorkOrder {
  const tech = order.technician
  return {
    orderId: order.orderId,
    accountNo: order.accountNo,
    kind: order.kind,
    urgent: order.urgent,
    status: order.status,
    description: order.description,
    photoIds: order.photos,
    contactPhoneMasked: order.contactPhone,
    address: order.address,
    slot: order.preferredSlot,
    createdAt: order.createdAt,
    acceptanceDueAt: order.acceptanceDueAt,
    escalationLevel: order.escalationLevel,
    technician: tech && { name: tech.name, team: tech.team, phoneMasked: tech.phone },
    relayPhone: order.relayPhone,
    etaAt: order.etaAt,
    resolvedAt: order.resolvedAt,
    reopenUntil: order.reopenUntil,
    nextUrgeAt: order.nextUrgeAt,
    timeline: order.timeline.map(eventOf),
    rating: order.rating && {
      stars: order.rating.score,
      comment: order.rating.comment,
      ratedAt: order.rating.ratedAt,
    },
  }
}

/**
 * The work-order system over bff/contracts/workorders.ts. Every write carries a requestId the
 * system de-duplicates by (ratings replay by their content), so every call is retried safely.
 */
export class WorkOrdersHttpAdapter implements WorkOrdersPort {
  constructor(private readonly client: UpstreamClient) {}

  async slots(accountNo: string): Promise<VisitSlot[]> {
    const list = await this.client.call({
      operation: 'listSlots',
      method: 'GET',
      path: '/workorders/v1/slots',
      query: { accountNo },
      response: SlotList,
    })
    return list.slots
  }

  async create(order: NewWorkOrder): Promise<WorkOrder> {
    const body: CreateWorkOrderRequest = {
      requestId: order.requestId,
      accountNo: order.accountNo,
      kind: order.kind,
      description: order.description,
      photos: [...order.photoIds],
      contactPhone: order.contactPhone,
      ...(order.slot ? { preferredSlot: order.slot } : {}),
    }
    return this.write('createOrder', '/workorders/v1/orders', body, order.requestId)
  }

  async ofAccount(accountNo: string): Promise<WorkOrder[]> {
    const list = await this.client.call({
      operation: 'listOrders',
      method: 'GET',
      path: '/workorders/v1/orders',
      query: { accountNo },
      response: WorkOrderList,
    })
    return list.orders.map(orderOf)
  }

  async get(orderId: string): Promise<WorkOrder | null> {
    if (!ORDER_ID.test(orderId)) return null
    try {
      const order = await this.client.call({
        operation: 'getOrder',
        method: 'GET',
        path: orderPath(orderId),
        response: ContractOrder,
      })
      return orderOf(order)
    } catch (err) {
      if (refusalOf(err)?.reason === 'not_found') return null
      throw err
    }
  }

  urge(orderId: string, requestId: string): Promise<WorkOrder> {
    return this.write(
      'urgeOrder',
      `${orderPath(this.known(orderId))}/urges`,
      { requestId },
      requestId,
    )
  }

  rate(orderId: string, rating: { stars: number; comment?: string }): Promise<WorkOrder> {
    const body = { score: rating.stars, ...(rating.comment ? { comment: rating.comment } : {}) }
    // The same rating answers the same order, so a repeat after a lost answer is harmless.
    const key = `rating-${orderId}-${rating.stars}`
    return this.write('rateOrder', `${orderPath(this.known(orderId))}/rating`, body, key)
  }

  reopen(orderId: string, request: { requestId: string; reason: string }): Promise<WorkOrder> {
    return this.write(
      'reopenOrder',
      `${orderPath(this.known(orderId))}/reopen`,
      request,
      request.requestId,
    )
  }

  private known(orderId: string): string {
    if (!ORDER_ID.test(orderId)) throw new WorkOrderRefused('not_found')
    return orderId
  }

  private async write(
    operation: string,
    path: string,
    body: unknown,
    idempotencyKey: string,
  ): Promise<WorkOrder> {
    try {
      const order = await this.client.call({
        operation,
        method: 'POST',
        path,
        body,
        idempotencyKey,
        response: ContractOrder,
      })
      return orderOf(order)
    } catch (err) {
      throw refusalOf(err) ?? err
    }
  }
}
