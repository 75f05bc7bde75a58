import { createHash, randomUUID } from 'node:crypto'
import type { Pool } from 'pg'
import type { OrderState } from '@gh/shared'
import type { OrderTransitionRow, PaymentOrderRow } from './order-entity'
import type { AccountStanding } from './order-repository'

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

/** Instants are stored as UTC ISO strings (platform/db/columns.ts). */
type Stored<T, K extends keyof T> = Omit<T, K> & {
  [P in K]: T[P] extends Date ? string : string | null
}
type StoredOrder = Stored<PaymentOrderRow, 'createdAt' | 'updatedAt' | 'expiresAt' | 'paidAt'>
type StoredTransition = Stored<OrderTransitionRow, 'at'>

/** Prepared-statement names must stay under PostgreSQL's 63 bytes and differ per text. */
function statementName(kind: string, variant: string): string {
  return `${kind}.${createHash('sha1').update(variant).digest('hex').slice(0, 16)}`
}

const TRANSITION_COLUMNS = `id, order_id AS "orderId", from_state AS "fromState",
  to_state AS "toState", cause, at`

function hydrateTransition({ id, orderId, fromState, toState, cause, at }: StoredTransition) {
  return { id, orderId, fromState, toState, cause, at: new Date(at) }
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

/**
 * The order repository's hot statements on PostgreSQL, as hand-written SQL on the pg pool.
 * Each is a named (prepared) statement: a connection parses and plans it once, which halves
 * the round trip of these small statements (0.4 → 0.2 ms at p50 on the dev machine).
 * An insert with its first transition, and a conditional update with its transition row, are
 * each ONE statement (data-modifying CTEs), so they are atomic without BEGIN/COMMIT round trips
 * and the changed row comes back from RETURNING instead of a second read.
 */
export class PostgresOrders {
  constructor(private readonly pool: Pool) {}

  async one(where: string, values: unknown[]): Promise<PaymentOrderRow | null> {
    const { rows } = await this.pool.query<StoredOrder>({
      name: statementName('orders.one', where),
      text: `SELECT ${ORDER_COLUMNS} FROM payment_orders WHERE ${where} LIMIT 1`,
      values,
    })
    return rows[0] ? hydrate(rows[0]) : null
  }

  /** AccountStanding (order-repository.ts) in one statement. */
  async standing(
    accountNo: string,
    since: Date,
    now: Date,
    states: {
      released: readonly OrderState[]
      unpaid: readonly OrderState[]
      cardPending: readonly OrderState[]
    },
  ): Promise<AccountStanding> {
    const { rows } = await this.pool.query<AccountStanding>({
      name: 'orders.standing',
      text: `SELECT
          COALESCE(SUM(amount_fen) FILTER (WHERE purpose = 'recharge' AND created_at >= $2
            AND NOT (state = ANY($4::varchar[]))
            AND NOT (state = ANY($5::varchar[]) AND expires_at <= $3)), 0)::integer
            AS "committedFen",
          (COUNT(*) FILTER (WHERE state = ANY($5::varchar[]) AND expires_at > $3))::integer
            AS "openOrders",
          (COUNT(*) FILTER (WHERE purpose = 'recharge' AND account_kind = 'ic_prepaid'
            AND state = ANY($6::varchar[])))::integer AS "awaitingCardWrite"
        FROM payment_orders
        WHERE account_no = $1
          AND (created_at >= $2 OR state = ANY($5::varchar[]) OR state = ANY($6::varchar[]))`,
      values: [
        accountNo,
        since.toISOString(),
        now.toISOString(),
        states.released,
        states.unpaid,
        states.cardPending,
      ],
    })
    return rows[0] ?? { committedFen: 0, openOrders: 0, awaitingCardWrite: 0 }
  }

  /** Inserts the order and its CREATED transition; a unique violation is thrown as pg's 23505. */
  async insert(row: PaymentOrderRow): Promise<void> {
    await this.pool.query({
      name: 'orders.insert',
      text: `WITH inserted AS (
         INSERT INTO payment_orders (id, out_trade_no, user_id, idempotency_key, account_no,
           account_kind, purpose, channel, provider, amount_fen, to_arrears_fen, state, version,
           client_params, transaction_id, paid_fen, refund_no, created_at, updated_at,
           expires_at, paid_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
           $18, $19, $20, $21)
         RETURNING id)
       INSERT INTO payment_order_transitions (id, order_id, from_state, to_state, cause, at)
       SELECT $22::varchar, id, NULL, $12::varchar, 'created', $18::varchar FROM inserted`,
      values: [
        row.id,
        row.outTradeNo,
        row.userId,
        row.idempotencyKey,
        row.accountNo,
        row.accountKind,
        row.purpose,
        row.channel,
        row.provider,
        row.amountFen,
        row.toArrearsFen,
        row.state,
        row.version,
        row.clientParams,
        row.transactionId,
        row.paidFen,
        row.refundNo,
        row.createdAt.toISOString(),
        row.updatedAt.toISOString(),
        row.expiresAt.toISOString(),
        row.paidAt?.toISOString() ?? null,
        randomUUID(),
      ],
    })
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
    const values: unknown[] = [
      id,
      from,
      to,
      at.toISOString(),
      randomUUID(),
      cause,
      stepAt.toISOString(),
    ]
    const sets = ['state = $3', 'updated_at = $4', 'version = version + 1']
    for (const [field, column] of Object.entries(PATCH_COLUMNS)) {
      if (!(field in patch)) continue
      const value = patch[field as keyof Patch]
      values.push(value instanceof Date ? value.toISOString() : (value ?? null))
      sets.push(`${column} = $${values.length}`)
    }
    // The statement sees the table as it was before it ran, so the new step comes from
    // RETURNING and is put last.
    const { rows } = await this.pool.query<StoredOrder & { timeline: StoredTransition[] }>({
      name: statementName('orders.transition', sets.join(',')),
      text: `WITH moved AS (
         UPDATE payment_orders SET ${sets.join(', ')}
          WHERE id = $1 AND state = $2
          RETURNING ${ORDER_COLUMNS}),
       recorded AS (
         INSERT INTO payment_order_transitions (id, order_id, from_state, to_state, cause, at)
         SELECT $5::varchar, id, $2::varchar, $3::varchar, $6::varchar, $7::varchar FROM moved
         RETURNING ${TRANSITION_COLUMNS}, 1 AS step)
       SELECT moved.*, (
         SELECT json_agg(t ORDER BY t.step, t.at) FROM (
           SELECT ${TRANSITION_COLUMNS}, 0 AS step FROM payment_order_transitions
            WHERE order_id = $1
           UNION ALL SELECT * FROM recorded) t) AS timeline
       FROM moved`,
      values,
    })
    const row = rows[0]
    if (!row) return null
    const { timeline, ...order } = row
    return { order: hydrate(order), timeline: timeline.map(hydrateTransition) }
  }

  async transitionsOf(orderIds: string[]): Promise<OrderTransitionRow[]> {
    const { rows } = await this.pool.query<StoredTransition>({
      name: 'orders.transitionsOf',
      text: `SELECT ${TRANSITION_COLUMNS} FROM payment_order_transitions
        WHERE order_id = ANY($1::varchar[]) ORDER BY at ASC`,
      values: [orderIds],
    })
    return rows.map(hydrateTransition)
  }
}
