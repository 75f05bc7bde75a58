import { randomUUID } from 'node:crypto'
import {
  In,
  LessThan,
  MoreThanOrEqual,
  type DataSource,
  type EntityManager,
  type Repository,
} from 'typeorm'
import type { OrderState, PaymentPurpose } from '@gh/shared'
import { OrderTransitionRow, PaymentOrderRow } from './order-entity'
import { assertMove, AWAITING_PAYMENT, canMove } from './order-state'
import { isUniqueViolation } from '../platform/db/unique-violation'
import { postgresPool } from '../platform/db/postgres-pool'
import { PostgresOrders } from './order-sql'

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

/** What an account's orders already hold when a new one is asked for. */
export interface AccountStanding {
  /**
   * Top-ups since the day began that hold money or can still be paid (the daily limit): an
   * unpaid order past its expiry can no longer be paid and counts as little as a closed one.
   */
  committedFen: number
  /** Orders (top-ups and bills) that can still be paid: CREATED or PAYING, not yet expired. */
  openOrders: number
  /** IC-card top-ups paid and not yet written to the card. */
  awaitingCardWrite: number
}

/** The SQL of order-sql.ts says the same; the schema test runs both. */
function standingOf(rows: PaymentOrderRow[], since: Date, now: Date): AccountStanding {
  const unpaid = (r: PaymentOrderRow) => AWAITING_PAYMENT.includes(r.state)
  const open = (r: PaymentOrderRow) => unpaid(r) && r.expiresAt > now
  const committed = (r: PaymentOrderRow) =>
    r.purpose === 'recharge' &&
    r.createdAt >= since &&
    !RELEASED.includes(r.state) &&
    (!unpaid(r) || open(r))
  const onCardWait = (r: PaymentOrderRow) =>
    r.purpose === 'recharge' && r.accountKind === 'ic_prepaid' && CARD_PENDING.includes(r.state)
  return {
    committedFen: rows.filter(committed).reduce((sum, r) => sum + r.amountFen, 0),
    openOrders: rows.filter(open).length,
    awaitingCardWrite: rows.filter(onCardWait).length,
  }
}

/**
 * Orders and their transitions. A state change is a conditional UPDATE (`WHERE state = :from`)
 * plus the transition row, in one transaction: of any number of concurrent callers on any
 * number of instances exactly one wins; the others re-read and cause no effect.
 */
export class OrderRepository {
  private readonly orders: Repository<PaymentOrderRow>
  /** better-sqlite3 has one connection: its transactions must not overlap within a process. */
  private queue: Promise<unknown> = Promise.resolve()
  /** On PostgreSQL, the hot statements as single SQL statements (order-sql.ts). */
  private readonly pg: PostgresOrders | null
  /**
   * Timelines that came back with a row from a state change, keyed by that row object: a view
   * of exactly that row needs no second read, and no other row can pick them up.
   */
  private readonly timelines = new WeakMap<PaymentOrderRow, OrderTransitionRow[]>()

  constructor(
    private readonly db: DataSource,
    private readonly now: () => Date,
  ) {
    this.orders = db.getRepository(PaymentOrderRow)
    const pool = postgresPool(db)
    this.pg = pool ? new PostgresOrders(pool) : null
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
      if (this.pg) await this.pg.insert(row)
      else
        await this.inTransaction(async (tx) => {
          await tx.getRepository(PaymentOrderRow).insert(row)
          await tx
            .getRepository(OrderTransitionRow)
            .insert(this.record(row.id, null, 'CREATED', 'created', row.createdAt))
        })
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
    if (this.pg) {
      const moved = await this.pg.transition(id, from, to, cause.slice(0, 64), at, patch, stepAt)
      if (!moved) return { won: false, order: await this.get(id) }
      this.timelines.set(moved.order, moved.timeline)
      return { won: true, order: moved.order }
    }
    const won = await this.inTransaction(async (tx) => {
      const result = await tx
        .createQueryBuilder()
        .update(PaymentOrderRow)
        .set({ ...patch, state: to, updatedAt: at, version: () => 'version + 1' })
        .where('id = :id AND state = :from', { id, from })
        .execute()
      if (result.affected !== 1) return false
      await tx.getRepository(OrderTransitionRow).insert(this.record(id, from, to, cause, stepAt))
      return true
    })
    return { won, order: await this.get(id) }
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
    if (!this.pg) return this.orders.findOneByOrFail({ id })
    const order = await this.pg.one('id = $1', [id])
    if (!order) throw new Error(`payment order ${id} not found`)
    return order
  }

  find(id: string): Promise<PaymentOrderRow | null> {
    if (this.pg) return this.pg.one('id = $1', [id])
    return this.orders.findOneBy({ id })
  }

  findByKey(userId: string, idempotencyKey: string): Promise<PaymentOrderRow | null> {
    if (this.pg)
      return this.pg.one('user_id = $1 AND idempotency_key = $2', [userId, idempotencyKey])
    return this.orders.findOneBy({ userId, idempotencyKey })
  }

  findByOutTradeNo(outTradeNo: string): Promise<PaymentOrderRow | null> {
    if (this.pg) return this.pg.one('out_trade_no = $1', [outTradeNo])
    return this.orders.findOneBy({ outTradeNo })
  }

  findForAccount(accountNo: string, outTradeNo: string): Promise<PaymentOrderRow | null> {
    return this.orders.findOneBy({ accountNo, outTradeNo })
  }

  listForAccount(
    accountNo: string,
    purpose: PaymentPurpose,
    limit: number,
  ): Promise<PaymentOrderRow[]> {
    return this.orders.find({
      where: { accountNo, purpose },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
    })
  }

  /** The order's timeline, oldest first, as of this row. */
  async timelineOf(order: PaymentOrderRow): Promise<OrderTransitionRow[]> {
    return this.timelines.get(order) ?? this.transitionsOf([order.id])
  }

  transitionsOf(orderIds: string[]): Promise<OrderTransitionRow[]> {
    if (orderIds.length === 0) return Promise.resolve([])
    if (this.pg) return this.pg.transitionsOf(orderIds)
    return this.db.getRepository(OrderTransitionRow).find({
      where: { orderId: In(orderIds) },
      order: { at: 'ASC' },
    })
  }

  /** Top-ups of the account since `since` that hold money or can still be paid. */
  async committedSince(accountNo: string, since: Date): Promise<number> {
    return (await this.standing(accountNo, since)).committedFen
  }

  /** The account's open orders and what they hold, as of now; `since`: the day's start. */
  async standing(accountNo: string, since: Date): Promise<AccountStanding> {
    const now = this.now()
    const states = { released: RELEASED, unpaid: AWAITING_PAYMENT, cardPending: CARD_PENDING }
    if (this.pg) return this.pg.standing(accountNo, since, now, states)
    const rows = await this.orders.find({
      select: {
        amountFen: true,
        state: true,
        purpose: true,
        accountKind: true,
        createdAt: true,
        expiresAt: true,
      },
      where: [
        { accountNo, createdAt: MoreThanOrEqual(since) },
        { accountNo, state: In([...AWAITING_PAYMENT, ...CARD_PENDING]) },
      ],
    })
    return standingOf(rows, since, now)
  }

  /** Orders in `states` untouched since `before`: the sweep re-enqueues their jobs. */
  stale(states: readonly OrderState[], before: Date, limit = 500): Promise<PaymentOrderRow[]> {
    return this.orders.find({
      where: { state: In([...states]), updatedAt: LessThan(before) },
      order: { updatedAt: 'ASC' },
      take: limit,
    })
  }

  private inTransaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    if (this.db.options.type !== 'better-sqlite3') return this.db.transaction(work)
    const run = this.queue.then(() => this.db.transaction(work))
    this.queue = run.catch(() => undefined)
    return run
  }

  private record(
    orderId: string,
    fromState: OrderState | null,
    toState: OrderState,
    cause: string,
    at: Date,
  ): OrderTransitionRow {
    return { id: randomUUID(), orderId, fromState, toState, cause: cause.slice(0, 64), at }
  }
}
