import { Column, Entity, PrimaryColumn } from 'typeorm'
import type { AgentRole, AgentTaskKind } from '@gh/shared'
import { InstantColumn } from '../platform/db/columns'

/** A service agent: a principal of its own, never a resident user. */
@Entity({ name: 'agents' })
export class AgentRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string

  @Column({ type: 'varchar', length: 32, name: 'login_name', unique: true })
  loginName!: string

  @Column({ type: 'varchar', length: 40, name: 'display_name' })
  displayName!: string

  @Column({ type: 'varchar', length: 16 })
  role!: AgentRole

  @Column({ type: 'varchar', length: 40 })
  team!: string

  /** Area codes, comma-separated: a handful per agent, read whole with the agent. */
  @Column({ type: 'varchar', length: 400 })
  areas!: string

  /** argon2id, PHC string: the password itself is never stored. */
  @Column({ type: 'varchar', length: 200, name: 'password_hash' })
  passwordHash!: string

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date
}

/** A task an agent sent: its link lives in Redis, this row is what the agent follows. */
@Entity({ name: 'agent_tasks' })
export class AgentTaskRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string

  @Column({ type: 'varchar', length: 36, name: 'agent_id' })
  agentId!: string

  @Column({ type: 'varchar', length: 10, name: 'account_no' })
  accountNo!: string

  @Column({ type: 'varchar', length: 20 })
  kind!: AgentTaskKind

  @Column({ type: 'varchar', length: 64, nullable: true })
  target!: string | null

  /** sent, opened or done; expiry is read from expires_at. */
  @Column({ type: 'varchar', length: 10 })
  status!: string

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date

  @InstantColumn({ name: 'expires_at' })
  expiresAt!: Date

  @InstantColumn({ name: 'opened_at', nullable: true })
  openedAt!: Date | null

  @InstantColumn({ name: 'done_at', nullable: true })
  doneAt!: Date | null

  /** The payment order or work order that did it. */
  @Column({ type: 'varchar', length: 64, name: 'done_ref', nullable: true })
  doneRef!: string | null
}

/** Append-only: rows are inserted, never updated or deleted. */
@Entity({ name: 'agent_audit' })
export class AgentAuditEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string

  @Column({ type: 'varchar', length: 36, name: 'agent_id' })
  agentId!: string

  @Column({ type: 'varchar', length: 32, name: 'login_name' })
  loginName!: string

  @Column({ type: 'varchar', length: 40 })
  action!: string

  @Column({ type: 'varchar', length: 10, name: 'account_no', nullable: true })
  accountNo!: string | null

  @Column({ type: 'varchar', length: 200, nullable: true })
  detail!: string | null

  @Column({ type: 'varchar', length: 64, name: 'request_id' })
  requestId!: string

  @InstantColumn({ name: 'at' })
  at!: Date
}

/**
 * 代办: a payment or booking an agent started for a resident, waiting for the code the agent
 * read to them. The code is kept only as an HMAC; the row keeps what it became once confirmed.
 */
@Entity({ name: 'agent_proxy_requests' })
export class AgentProxyRequestRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string

  @Column({ type: 'varchar', length: 36, name: 'agent_id' })
  agentId!: string

  @Column({ type: 'varchar', length: 36, name: 'task_id' })
  taskId!: string

  @Column({ type: 'varchar', length: 10, name: 'account_no' })
  accountNo!: string

  @Column({ type: 'varchar', length: 20 })
  kind!: string

  @Column({ type: 'integer', name: 'amount_fen', nullable: true })
  amountFen!: number | null

  @Column({ type: 'varchar', length: 20, name: 'repair_kind', nullable: true })
  repairKind!: string | null

  @Column({ type: 'varchar', length: 10, name: 'slot_date', nullable: true })
  slotDate!: string | null

  @Column({ type: 'varchar', length: 2, name: 'slot_window', nullable: true })
  slotWindow!: string | null

  @Column({ type: 'varchar', length: 200, nullable: true })
  description!: string | null

  @Column({ type: 'varchar', length: 64, name: 'code_hash' })
  codeHash!: string

  /** Wrong codes entered so far. */
  @Column({ type: 'integer' })
  tries!: number

  /** pending, confirmed or locked; expiry is read from expires_at. */
  @Column({ type: 'varchar', length: 10 })
  status!: string

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date

  @InstantColumn({ name: 'expires_at' })
  expiresAt!: Date

  @InstantColumn({ name: 'confirmed_at', nullable: true })
  confirmedAt!: Date | null

  /** The resident who entered the right code. */
  @Column({ type: 'varchar', length: 36, name: 'confirmed_by', nullable: true })
  confirmedBy!: string | null

  @Column({ type: 'varchar', length: 32, name: 'order_no', nullable: true })
  orderNo!: string | null

  @Column({ type: 'varchar', length: 32, name: 'repair_no', nullable: true })
  repairNo!: string | null

  /** The agent's Idempotency-Key: a repeat finds this request. */
  @Column({ type: 'varchar', length: 128, name: 'idempotency_key' })
  idempotencyKey!: string
}

export const agentEntities = [AgentRow, AgentTaskRow, AgentAuditEntry, AgentProxyRequestRow]
