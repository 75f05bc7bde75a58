import { randomUUID } from 'node:crypto'
import type { OrderState } from '@gh/shared'
import { SqlParams, type SqlExecutor, type SqlValue } from '../platform/db/sql-executor'
import type { OrderTransitionRow, PaymentOrderRow } from './order-entity'

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

/** Patchable order fields and their columns (TransitionPatch in order-repository.ts). */
const PATCH_COLUMNS = {
  clientParams: 'client_params',
  transactionId: 'transaction_id',
  paidFen: 'paid_fen',
  paidAt: 'paid_at',
  refundNo: 'refund_no',
} as const

type Patch = Partial<Pick<PaymentOrderRow, keyof typeof PATCH_COLUMNS>>

const ORDER_COLUMNS = `id, out_trade_no AS "outTradeNo", user_id AS "userId",
  idempotency_key AS "idempotencyKey", account_no AS "accountNo", account_kind AS "accountKind",
  purpose, channel, provider, amount_fen AS "amountFen", to_arrears_fen AS "toArrearsFen", state,
  version, client_params AS "clientParams", transaction_id AS "transactionId",
  paid_fen AS "paidFen", refund_no AS "refundNo", created_at AS "createdAt",
  updated_at AS "updatedAt", expires_at AS "expiresAt", paid_at AS "paidAt"`

const TRANSITION_COLUMNS = `id, order_id AS "orderId", from_state AS "fromState",
  to_state AS "toState", cause, at`

/** Instants are stored as UTC ISO strings (platform/db/columns.ts). */
type Stored<T, K extends keyof T> = Omit<T, K> & {
  [P in K]: T[P] extends Date ? string : string | null
}
type StoredOrder = Stored<PaymentOrderRow, 'createdAt' | 'updatedAt' | 'expiresAt' | 'paidAt'>
type StoredTransition = Stored<OrderTransitionRow, 'at'>
/** A moved order once per step of its timeline, the step in the `step…` columns. */
type MovedRow = StoredOrder & {
  stepId: string
  stepFrom: OrderState | null
  stepTo: OrderState
  stepCause: string
  stepAt: string
}

function hydrate(row: StoredOrder): PaymentOrderRow {
  return {
    ...row,
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
    expiresAt: new Date(row.expiresAt),
    paidAt: row.paidAt === null ? null : new Date(row.paidAt),
  }
}

function hydrateTransition(row: StoredTransition): OrderTransitionRow {
  const { id, orderId, fromState, toState, cause, at } = row
  return { id, orderId, fromState, toState, cause, at: new Date(at) }
}

/** The state sets an account's standing is counted by (order-repository.ts). */
export interface StandingStates {
  released: readonly OrderState[]
  unpaid: readonly OrderState[]
  cardPending: readonly OrderState[]
}

/**
 * The order tables' SQL, the same text on PostgreSQL and SQLite (sql-executor.ts). An insert
 * with its first transition, and a conditional update with its transition row, are each one
 * chain: on PostgreSQL one statement, atomic without BEGIN/COMMIT round trips, and the changed
 * row comes back from RETURNING instead of a second read.
 */
export class OrderSql {
  constructor(private readonly sql: SqlExecutor) {}

  /** Orders matching `rest` (a WHERE condition, then ORDER BY / LIMIT as wanted). */
  async select(rest: string, values: readonly SqlValue[]): Promise<PaymentOrderRow[]> {
    const rows = await this.sql.rows<StoredOrder>(
      `SELECT ${ORDER_COLUMNS} FROM payment_orders WHERE ${rest}`,
      values,
    )
    return rows.map(hydrate)
  }

  async one(where: string, values: readonly SqlValue[]): Promise<PaymentOrderRow | null> {
    const [order] = await this.select(`${where} LIMIT 1`, values)
    return order ?? null
  }

  /** The account's standing in one statement. */
  async standing(
    accountNo: string,
    since: Date,
    now: Date,
    states: StandingStates,
  ): Promise<AccountStanding> {
    const p = new SqlParams()
    const account = p.add(accountNo)
    const from = p.add(since)
    const at = p.add(now)
    const released = p.list(states.released)
    const unpaid = p.list(states.unpaid)
    const cardPending = p.list(states.cardPending)
    const [standing] = await this.sql.rows<AccountStanding>(
      `SELECT
          CAST(COALESCE(SUM(amount_fen) FILTER (WHERE purpose = 'recharge'
            AND created_at >= ${from} AND state NOT IN (${released})
            AND NOT (state IN (${unpaid}) AND expires_at <= ${at})), 0) AS integer)
            AS "committedFen",
          CAST(COUNT(*) FILTER (WHERE state IN (${unpaid}) AND expires_at > ${at}) AS integer)
            AS "openOrders",
          CAST(COUNT(*) FILTER (WHERE purpose = 'recharge' AND account_kind = 'ic_prepaid'
            AND state IN (${cardPending})) AS integer) AS "awaitingCardWrite"
        FROM payment_orders
        WHERE account_no = ${account}
          AND (created_at >= ${from} OR state IN (${unpaid}) OR state IN (${cardPending}))`,
      p.values,
    )
    return standing ?? { committedFen: 0, openOrders: 0, awaitingCardWrite: 0 }
  }

  /** Inserts the order and its CREATED transition; a unique violation is thrown as is. */
  async insert(row: PaymentOrderRow): Promise<void> {
    const fields: [string, SqlValue][] = [
      ['id', row.id],
      ['out_trade_no', row.outTradeNo],
      ['user_id', row.userId],
      ['idempotency_key', row.idempotencyKey],
      ['account_no', row.accountNo],
      ['account_kind', row.accountKind],
      ['purpose', row.purpose],
      ['channel', row.channel],
      ['provider', row.provider],
      ['amount_fen', row.amountFen],
      ['to_arrears_fen', row.toArrearsFen],
      ['state', row.state],
      ['version', row.version],
      ['client_params', row.clientParams],
      ['transaction_id', row.transactionId],
      ['paid_fen', row.paidFen],
      ['refund_no', row.refundNo],
      ['created_at', row.createdAt],
      ['updated_at', row.updatedAt],
      ['expires_at', row.expiresAt],
      ['paid_at', row.paidAt],
    ]
    const p = new SqlParams()
    const columns = fields.map(([column]) => column).join(', ')
    const values = fields.map(([, value]) => p.add(value)).join(', ')
    await this.sql.chain(
      [
        {
          as: 'inserted',
          sql: `INSERT INTO payment_orders (${columns}) VALUES (${values})
            RETURNING id, state, created_at`,
        },
      ],
      `INSERT INTO payment_order_transitions (id, order_id, from_state, to_state, cause, at)
       SELECT CAST(${p.add(randomUUID())} AS varchar), id, NULL, state, 'created', created_at
         FROM inserted`,
      p.values,
    )
  }

  /**
   * `from` → `to` with the patch, if the row is still in `from`, and the transition row (at
   * `stepAt`); answers the moved order with its whole timeline (the new step last), or null
   * when another caller had already moved it.
   */
  async transition(
    id: string,
    from: OrderState,
    to: OrderState,
    cause: string,
    at: Date,
    patch: Patch,
    stepAt: Date = at,
  ): Promise<{ order: PaymentOrderRow; timeline: OrderTransitionRow[] } | null> {
    const p = new SqlParams()
    const order = p.add(id)
    const [fromState, toState, step] = [p.add(from), p.add(to), p.add(randomUUID())]
    const sets = [`state = ${toState}`, `updated_at = ${p.add(at)}`, 'version = version + 1']
    for (const [field, column] of Object.entries(PATCH_COLUMNS)) {
      if (field in patch) sets.push(`${column} = ${p.add(patch[field as keyof Patch] ?? null)}`)
    }
    // The earlier steps come from the table without the new one (which only SQLite would
    // see there) and the new one from `recorded`, put last.
    const rows = await this.sql.chain<MovedRow>(
      [
        {
          as: 'moved',
          sql: `UPDATE payment_orders SET ${sets.join(', ')}
            WHERE id = ${order} AND state = ${fromState}
            RETURNING ${ORDER_COLUMNS}`,
        },
        {
          as: 'recorded',
          sql: `INSERT INTO payment_order_transitions (id, order_id, from_state, to_state, cause, at)
            SELECT CAST(${step} AS varchar), id, CAST(${fromState} AS varchar),
              CAST(${toState} AS varchar), CAST(${p.add(cause)} AS varchar),
              CAST(${p.add(stepAt)} AS varchar)
              FROM moved
            RETURNING id, from_state, to_state, cause, at`,
        },
      ],
      `SELECT moved.*, t.id AS "stepId", t.from_state AS "stepFrom", t.to_state AS "stepTo",
          t.cause AS "stepCause", t.at AS "stepAt"
        FROM moved CROSS JOIN (
          SELECT id, from_state, to_state, cause, at, 0 AS step FROM payment_order_transitions
           WHERE order_id = ${order} AND id <> ${step}
          UNION ALL SELECT id, from_state, to_state, cause, at, 1 AS step FROM recorded) t
        ORDER BY t.step, t.at`,
      p.values,
    )
    const steps = rows.map(({ stepId, stepFrom, stepTo, stepCause, stepAt, ...order }) => ({
      order,
      step: {
        id: stepId,
        orderId: id,
        fromState: stepFrom,
        toState: stepTo,
        cause: stepCause,
        at: new Date(stepAt),
      },
    }))
    const [first] = steps
    if (!first) return null
    return {
      order: hydrate(first.order),
      timeline: steps.map(({ step }) => step),
    }
  }

  async transitionsOf(orderIds: readonly string[]): Promise<OrderTransitionRow[]> {
    const p = new SqlParams()
    const rows = await this.sql.rows<StoredTransition>(
      `SELECT ${TRANSITION_COLUMNS} FROM payment_order_transitions
        WHERE order_id IN (${p.list(orderIds)}) ORDER BY at ASC`,
      p.values,
    )
    return rows.map(hydrateTransition)
  }
}
