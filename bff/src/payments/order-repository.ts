import type { DataSource } from 'typeorm'
import type { OrderState, PaymentPurpose } from '@gh/shared'
import type { OrderTransitionRow, PaymentOrderRow } from './order-entity'
import { assertMove, AWAITING_PAYMENT, canMove } from './order-state'
import { isUniqueViolation } from '../platform/db/unique-violation'
import { SqlParams, sqlOf } from '../platform/db/sql-executor'
import { OrderSql, type AccountStanding } from './order-sql'

export type NewOrder = Omit<
  PaymentOrderRow,
  | 'state'
  | 'version'
  | 'clientParams'
  | 'transactionId'
  | 'paidFen'
  | 'refundNo'
  | 'paidAt'
  | 'updatedAt'
>

/** Fields a transition may set together with the state, in the same conditional update. */
export type TransitionPatch = Partial<
  Pick<PaymentOrderRow, 'clientParams' | 'transactionId' | 'paidFen' | 'paidAt' | 'refundNo'>
>

export interface Moved {
  /** True when this call made the change; false when another caller had already moved it. */
  won: boolean
  order: PaymentOrderRow
}

/** States that do not count against the daily limit: the money never left or came back. */
const RELEASED: OrderState[] = ['CLOSED', 'CREDIT_FAILED', 'REFUNDING', 'REFUNDED']
/** An IC-card top-up in these states is paid and not on the card yet. */
const CARD_PENDING: OrderState[] = ['PAID', 'CREDITING', 'CREDITED', 'AWAITING_CARD_WRITE']

/**
 * Orders and their transitions. A state change is a conditional UPDATE (`WHERE state = :from`)
 * plus the transition row, atomically: of any number of concurrent callers on any number of
 * instances exactly one wins; the others re-read and cause no effect. One code path on both
 * engines (order-sql.ts); instances on one DataSource share its executor.
 */
export class OrderRepository {
  private readonly sql: OrderSql
  /**
   * Timelines that came back with a row from a state change, keyed by that row object: a view
   * of exactly that row needs no second read, and no other row can pick them up.
   */
  private readonly timelines = new WeakMap<PaymentOrderRow, OrderTransitionRow[]>()

  constructor(
    db: DataSource,
    private readonly now: () => Date,
    /** Told of every state change this instance makes (the metrics count them). */
    private readonly onTransition: (to: OrderState) => void = () => undefined,
  ) {
    this.sql = new OrderSql(sqlOf(db))
  }

  /** Inserts a CREATED order; when the user's Idempotency-Key already made one, returns that. */
  async create(order: NewOrder): Promise<PaymentOrderRow> {
    const row: PaymentOrderRow = {
      ...order,
      state: 'CREATED',
      version: 0,
      clientParams: null,
      transactionId: null,
      paidFen: null,
      refundNo: null,
      paidAt: null,
      updatedAt: order.createdAt,
    }
    try {
      await this.sql.insert(row)
      return row
    } catch (err) {
      const existing = isUniqueViolation(err)
        ? await this.findByKey(order.userId, order.idempotencyKey)
        : null
      if (existing) return existing
      throw err
    }
  }

  /**
   * Moves `from` → `to` if the order is still in `from`. `happenedAt`: when the step happened
   * as the system that did it recorded it, when that is not the moment we learn of it.
   */
  async transition(
    id: string,
    from: OrderState,
    to: OrderState,
    cause: string,
    patch: TransitionPatch = {},
    happenedAt?: Date,
  ): Promise<Moved> {
    assertMove(from, to)
    const at = this.now()
    const stepAt = happenedAt ?? at
    const moved = await this.sql.transition(id, from, to, cause.slice(0, 64), at, patch, stepAt)
    if (!moved) return { won: false, order: await this.get(id) }
    this.onTransition(to)
    this.timelines.set(moved.order, moved.timeline)
    return { won: true, order: moved.order }
  }

  /**
   * Moves the order to `to` from whatever state it is in now, if that edge exists; retries when
   * a concurrent change slipped in between the read and the update.
   */
  async advance(
    id: string,
    to: OrderState,
    cause: string,
    patch: TransitionPatch = {},
  ): Promise<Moved> {
    for (;;) {
      const order = await this.get(id)
      if (!canMove(order.state, to)) return { won: false, order }
      const moved = await this.transition(id, order.state, to, cause, patch)
      if (moved.won || !canMove(moved.order.state, to)) return moved
    }
  }

  async get(id: string): Promise<PaymentOrderRow> {
    const order = await this.find(id)
    if (!order) throw new Error(`payment order ${id} not found`)
    return order
  }

  find(id: string): Promise<PaymentOrderRow | null> {
    return this.sql.one('id = $1', [id])
  }

  findByKey(userId: string, idempotencyKey: string): Promise<PaymentOrderRow | null> {
    return this.sql.one('user_id = $1 AND idempotency_key = $2', [userId, idempotencyKey])
  }

  findByOutTradeNo(outTradeNo: string): Promise<PaymentOrderRow | null> {
    return this.sql.one('out_trade_no = $1', [outTradeNo])
  }

  findForAccount(accountNo: string, outTradeNo: string): Promise<PaymentOrderRow | null> {
    return this.sql.one('account_no = $1 AND out_trade_no = $2', [accountNo, outTradeNo])
  }

  listForAccount(
    accountNo: string,
    purpose: PaymentPurpose,
    limit: number,
  ): Promise<PaymentOrderRow[]> {
    return this.sql.select(
      'account_no = $1 AND purpose = $2 ORDER BY created_at DESC, id DESC LIMIT $3',
      [accountNo, purpose, limit],
    )
  }

  /** The account's newest order, top-up or bill payment; null when it has none. */
  latestForAccount(accountNo: string): Promise<PaymentOrderRow | null> {
    return this.sql.one('account_no = $1 ORDER BY created_at DESC, id DESC', [accountNo])
  }

  /** The order's timeline, oldest first, as of this row. */
  async timelineOf(order: PaymentOrderRow): Promise<OrderTransitionRow[]> {
    return this.timelines.get(order) ?? this.transitionsOf([order.id])
  }

  transitionsOf(orderIds: string[]): Promise<OrderTransitionRow[]> {
    if (orderIds.length === 0) return Promise.resolve([])
    return this.sql.transitionsOf(orderIds)
  }

  /** Top-ups of the account since `since` that hold money or can still be paid. */
  async committedSince(accountNo: string, since: Date): Promise<number> {
    return (await this.standing(accountNo, since)).committedFen
  }

  /** The account's open orders and what they hold, as of now; `since`: the day's start. */
  async standing(accountNo: string, since: Date): Promise<AccountStanding> {
    const states = { released: RELEASED, unpaid: AWAITING_PAYMENT, cardPending: CARD_PENDING }
    return this.sql.standing(accountNo, since, this.now(), states)
  }

  /** Orders in `states` untouched since `before`: the sweep re-enqueues their jobs. */
  stale(states: readonly OrderState[], before: Date, limit = 500): Promise<PaymentOrderRow[]> {
    if (states.length === 0) return Promise.resolve([])
    const p = new SqlParams()
    return this.sql.select(
      `state IN (${p.list(states)}) AND updated_at < ${p.add(before)}
        ORDER BY updated_at ASC LIMIT ${p.add(limit)}`,
      p.values,
    )
  }
}
