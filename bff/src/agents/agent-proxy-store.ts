import type { DataSource } from 'typeorm'
import type { ProxyRequestKind, RepairKind, RepairSlotWindow } from '@gh/shared'
import { sqlOf, type SqlExecutor } from '../platform/db/sql-executor'
import { isUniqueViolation } from '../platform/db/unique-violation'

/** A 代办 request as stored; instants are UTC ISO text. */
export interface StoredProxyRequest {
  id: string
  agentId: string
  taskId: string
  accountNo: string
  kind: ProxyRequestKind
  amountFen: number | null
  repairKind: RepairKind | null
  slotDate: string | null
  slotWindow: RepairSlotWindow | null
  description: string | null
  codeHash: string
  tries: number
  status: 'pending' | 'confirmed' | 'locked'
  createdAt: string
  expiresAt: string
  confirmedAt: string | null
  confirmedBy: string | null
  orderNo: string | null
  repairNo: string | null
  idempotencyKey: string
  /** The sending agent's display name and role, for the resident's list. */
  agentName: string
  agentRole: string
}

export type NewProxyRequest = Omit<
  StoredProxyRequest,
  | 'tries'
  | 'status'
  | 'confirmedAt'
  | 'confirmedBy'
  | 'orderNo'
  | 'repairNo'
  | 'agentName'
  | 'agentRole'
  | 'createdAt'
  | 'expiresAt'
>

const COLUMNS =
  'p.id, p.agent_id AS "agentId", p.task_id AS "taskId", p.account_no AS "accountNo", p.kind, ' +
  'p.amount_fen AS "amountFen", p.repair_kind AS "repairKind", p.slot_date AS "slotDate", ' +
  'p.slot_window AS "slotWindow", p.description, p.code_hash AS "codeHash", p.tries, p.status, ' +
  'p.created_at AS "createdAt", p.expires_at AS "expiresAt", p.confirmed_at AS "confirmedAt", ' +
  'p.confirmed_by AS "confirmedBy", p.order_no AS "orderNo", p.repair_no AS "repairNo", ' +
  'p.idempotency_key AS "idempotencyKey", a.display_name AS "agentName", a.role AS "agentRole"'

const FROM = 'agent_proxy_requests p JOIN agents a ON a.id = p.agent_id'

/**
 * 代办 requests. Every change of state is one conditional statement, so two confirmations
 * racing (two phones of one family) cannot both pass, and a wrong code counts exactly once.
 */
export class AgentProxyStore {
  private readonly sql: SqlExecutor

  constructor(db: DataSource) {
    this.sql = sqlOf(db)
  }

  /** False when the agent's key already names a request (the caller reads that one). */
  async add(request: NewProxyRequest, createdAt: Date, expiresAt: Date): Promise<boolean> {
    try {
      await this.sql.rows(
        `INSERT INTO agent_proxy_requests (id, agent_id, task_id, account_no, kind, amount_fen,
           repair_kind, slot_date, slot_window, description, code_hash, tries, status,
           created_at, expires_at, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, 'pending', $12, $13, $14)`,
        [
          request.id,
          request.agentId,
          request.taskId,
          request.accountNo,
          request.kind,
          request.amountFen,
          request.repairKind,
          request.slotDate,
          request.slotWindow,
          request.description,
          request.codeHash,
          createdAt,
          expiresAt,
          request.idempotencyKey,
        ],
      )
      return true
    } catch (err) {
      if (isUniqueViolation(err)) return false
      throw err
    }
  }

  async get(id: string): Promise<StoredProxyRequest | null> {
    const [row] = await this.sql.rows<StoredProxyRequest>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE p.id = $1`,
      [id],
    )
    return row ?? null
  }

  async byKey(agentId: string, key: string): Promise<StoredProxyRequest | null> {
    const [row] = await this.sql.rows<StoredProxyRequest>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE p.agent_id = $1 AND p.idempotency_key = $2`,
      [agentId, key],
    )
    return row ?? null
  }

  /** A new code for a pending request (its answer was lost): the old code stops working. */
  async reissue(id: string, codeHash: string, now: Date, expiresAt: Date): Promise<boolean> {
    const rows = await this.sql.rows<{ id: string }>(
      `UPDATE agent_proxy_requests SET code_hash = $2, tries = 0, expires_at = $4
       WHERE id = $1 AND status = 'pending' AND expires_at > $3 RETURNING id`,
      [id, codeHash, now, expiresAt],
    )
    return rows.length === 1
  }

  /** The account's requests still waiting for a code at `now`. */
  async pendingFor(accountNo: string, now: Date): Promise<StoredProxyRequest[]> {
    return this.sql.rows<StoredProxyRequest>(
      `SELECT ${COLUMNS} FROM ${FROM}
       WHERE p.account_no = $1 AND p.status = 'pending' AND p.expires_at > $2
       ORDER BY p.created_at DESC LIMIT 20`,
      [accountNo, now],
    )
  }

  async ofAgent(agentId: string, pendingOnly: boolean, now: Date): Promise<StoredProxyRequest[]> {
    const pending = pendingOnly ? `AND p.status = 'pending' AND p.expires_at > $2` : ''
    return this.sql.rows<StoredProxyRequest>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE p.agent_id = $1 ${pending}
       ORDER BY p.created_at DESC LIMIT 100`,
      pendingOnly ? [agentId, now] : [agentId],
    )
  }

  /** Counts a wrong code; the last allowed one locks the request. Answers the tries so far. */
  async wrongCode(id: string, maxTries: number): Promise<number | null> {
    const [row] = await this.sql.rows<{ tries: number }>(
      `UPDATE agent_proxy_requests
       SET tries = tries + 1, status = CASE WHEN tries + 1 >= $2 THEN 'locked' ELSE status END
       WHERE id = $1 AND status = 'pending' RETURNING tries`,
      [id, maxTries],
    )
    return row ? Number(row.tries) : null
  }

  /**
   * pending → confirmed for one resident, with the code they matched; false when someone else
   * got there first or the code was reissued meanwhile (the old one stops working at once).
   */
  async claim(id: string, userId: string, now: Date, codeHash: string): Promise<boolean> {
    const rows = await this.sql.rows<{ id: string }>(
      `UPDATE agent_proxy_requests SET status = 'confirmed', confirmed_at = $3, confirmed_by = $2
       WHERE id = $1 AND status = 'pending' AND expires_at > $3 AND code_hash = $4 RETURNING id`,
      [id, userId, now, codeHash],
    )
    return rows.length === 1
  }

  /** Back to pending when the order or work order could not be made: the code may be tried again. */
  async release(id: string): Promise<void> {
    await this.sql.rows(
      `UPDATE agent_proxy_requests SET status = 'pending', confirmed_at = NULL, confirmed_by = NULL
       WHERE id = $1 AND status = 'confirmed' AND order_no IS NULL AND repair_no IS NULL`,
      [id],
    )
  }

  async settle(id: string, made: { orderNo?: string; repairNo?: string }): Promise<void> {
    await this.sql.rows(
      'UPDATE agent_proxy_requests SET order_no = $2, repair_no = $3 WHERE id = $1',
      [id, made.orderNo ?? null, made.repairNo ?? null],
    )
  }
}
