import { randomUUID } from 'node:crypto'
import type { DataSource } from 'typeorm'
import type { AgentAuditAction, AgentRole, AgentTaskKind } from '@gh/shared'
import { sqlOf, type SqlExecutor } from '../platform/db/sql-executor'

export interface Agent {
  id: string
  loginName: string
  displayName: string
  role: AgentRole
  team: string
  areas: string[]
}

export interface StoredTask {
  id: string
  agentId: string
  accountNo: string
  kind: AgentTaskKind
  target: string | null
  status: 'sent' | 'opened' | 'done'
  createdAt: string
  expiresAt: string
  openedAt: string | null
  doneAt: string | null
  sentBy: string
}

export interface AuditEntry {
  id: string
  agentId: string
  loginName: string
  action: string
  accountNo: string | null
  detail: string | null
  requestId: string
  at: string
}

interface AgentRecord {
  id: string
  loginName: string
  displayName: string
  role: AgentRole
  team: string
  areas: string
  passwordHash: string
}

const AGENT_COLUMNS =
  'id, login_name AS "loginName", display_name AS "displayName", role, team, areas, ' +
  'password_hash AS "passwordHash"'

const TASK_COLUMNS =
  't.id, t.agent_id AS "agentId", t.account_no AS "accountNo", t.kind, t.target, t.status, ' +
  't.created_at AS "createdAt", t.expires_at AS "expiresAt", t.opened_at AS "openedAt", ' +
  't.done_at AS "doneAt", a.display_name AS "sentBy"'

const toAgent = (r: AgentRecord): Agent => ({
  id: r.id,
  loginName: r.loginName,
  displayName: r.displayName,
  role: r.role,
  team: r.team,
  areas: r.areas ? r.areas.split(',') : [],
})

/** Which tasks a credited payment or a new work order completes. */
const PAYMENT_KINDS: readonly AgentTaskKind[] = ['pay_bill', 'top_up']
const REPAIR_KINDS: readonly AgentTaskKind[] = ['report_fault']
const INSPECTION_KINDS: readonly AgentTaskKind[] = ['book_inspection']

/** Agents, their tasks and their audit log, in the SQL both engines share. */
export class AgentStore {
  private readonly sql: SqlExecutor

  constructor(db: DataSource) {
    this.sql = sqlOf(db)
  }

  async create(agent: Omit<Agent, 'id'> & { passwordHash: string }, now: Date): Promise<Agent> {
    const id = randomUUID()
    await this.sql.rows(
      `INSERT INTO agents (id, login_name, display_name, role, team, areas, password_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        agent.loginName,
        agent.displayName,
        agent.role,
        agent.team,
        agent.areas.join(','),
        agent.passwordHash,
        now,
      ],
    )
    return { id, ...agent }
  }

  async byLoginName(loginName: string): Promise<(Agent & { passwordHash: string }) | null> {
    const [row] = await this.sql.rows<AgentRecord>(
      `SELECT ${AGENT_COLUMNS} FROM agents WHERE login_name = $1`,
      [loginName],
    )
    return row ? { ...toAgent(row), passwordHash: row.passwordHash } : null
  }

  async byId(id: string): Promise<Agent | null> {
    const [row] = await this.sql.rows<AgentRecord>(
      `SELECT ${AGENT_COLUMNS} FROM agents WHERE id = $1`,
      [id],
    )
    return row ? toAgent(row) : null
  }

  async teamAreas(team: string): Promise<string[]> {
    const rows = await this.sql.rows<{ areas: string }>(
      'SELECT areas FROM agents WHERE team = $1',
      [team],
    )
    return [...new Set(rows.flatMap((r) => (r.areas ? r.areas.split(',') : [])))]
  }

  async addTask(
    task: Omit<StoredTask, 'status' | 'openedAt' | 'doneAt' | 'sentBy' | 'createdAt' | 'expiresAt'>,
    createdAt: Date,
    expiresAt: Date,
  ): Promise<void> {
    await this.sql.rows(
      `INSERT INTO agent_tasks (id, agent_id, account_no, kind, target, status, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, 'sent', $6, $7)`,
      [task.id, task.agentId, task.accountNo, task.kind, task.target, createdAt, expiresAt],
    )
  }

  async task(id: string): Promise<StoredTask | null> {
    const [row] = await this.sql.rows<StoredTask>(
      `SELECT ${TASK_COLUMNS} FROM agent_tasks t JOIN agents a ON a.id = t.agent_id WHERE t.id = $1`,
      [id],
    )
    return row ?? null
  }

  /** Open: sent or opened and not yet expired at `now`. */
  async tasksOf(agentId: string, openOnly: boolean, now: Date): Promise<StoredTask[]> {
    const open = openOnly ? `AND t.status IN ('sent', 'opened') AND t.expires_at > $2` : ''
    return this.sql.rows<StoredTask>(
      `SELECT ${TASK_COLUMNS} FROM agent_tasks t JOIN agents a ON a.id = t.agent_id
       WHERE t.agent_id = $1 ${open} ORDER BY t.created_at DESC LIMIT 200`,
      openOnly ? [agentId, now] : [agentId],
    )
  }

  /** Only a task still just sent moves: opening twice, or after it was done, changes nothing. */
  async markOpened(id: string, at: Date): Promise<void> {
    await this.sql.rows(
      `UPDATE agent_tasks SET status = 'opened', opened_at = $2
       WHERE id = $1 AND status = 'sent' AND expires_at > $2`,
      [id, at],
    )
  }

  /**
   * Completes the account's live tasks of these kinds sent before `at`. A 代办 task is done by
   * its own order or work order only, never by another payment of the account.
   */
  async markDone(
    accountNo: string,
    kinds: 'payment' | 'repair' | 'inspection',
    ref: string,
    at: Date,
  ): Promise<number> {
    const list =
      kinds === 'payment' ? PAYMENT_KINDS : kinds === 'repair' ? REPAIR_KINDS : INSPECTION_KINDS
    const rows = await this.sql.rows<{ id: string }>(
      `UPDATE agent_tasks SET status = 'done', done_at = $2, done_ref = $3
       WHERE account_no = $1 AND status IN ('sent', 'opened') AND created_at <= $2
         AND expires_at > $2 AND kind IN ($4, $5)
         AND NOT EXISTS (SELECT 1 FROM agent_proxy_requests p WHERE p.task_id = agent_tasks.id
           AND COALESCE(p.order_no, p.repair_no, '') <> $3)
       RETURNING id`,
      [accountNo, at, ref, list[0] ?? '', list[1] ?? ''],
    )
    return rows.length
  }

  /** The audit log is append-only: this class has no statement that changes or removes a row. */
  async audit(
    entry: Omit<AuditEntry, 'id' | 'at' | 'action'> & { action: AgentAuditAction },
    at: Date,
  ): Promise<void> {
    await this.sql.rows(
      `INSERT INTO agent_audit (id, agent_id, login_name, action, account_no, detail, request_id, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        randomUUID(),
        entry.agentId,
        entry.loginName,
        entry.action,
        entry.accountNo,
        entry.detail,
        entry.requestId,
        at,
      ],
    )
  }

  /** The audit of one team's agents (by their team of now) over a period. */
  async auditBetween(from: Date, to: Date, team: string): Promise<AuditEntry[]> {
    return this.sql.rows<AuditEntry>(
      `SELECT a.id, a.agent_id AS "agentId", a.login_name AS "loginName", a.action,
              a.account_no AS "accountNo", a.detail, a.request_id AS "requestId", a.at
       FROM agent_audit a JOIN agents g ON g.id = a.agent_id
       WHERE a.at >= $1 AND a.at < $2 AND g.team = $3
       ORDER BY a.at, a.id LIMIT 10000`,
      [from, to, team],
    )
  }
}
