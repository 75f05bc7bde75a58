import { randomUUID } from 'node:crypto'
import type { DataSource } from 'typeorm'
import { sqlOf, type SqlExecutor } from '../platform/db/sql-executor'
import type { SendChannel, SendStatus } from './notification-entities'

export interface SendKey {
  dedupeKey: string
  userId: string
  channel: SendChannel
}

/** A send this worker may make now; `id` doubles as the upstream idempotency key. */
export interface Claim {
  id: string
}

export type Claimed = { claim: Claim } | { status: SendStatus }

/**
 * notification_sends: (dedupe key, user, channel) is unique, so a send is claimed by inserting
 * its row and whoever inserts it sends. A failed send may be claimed again. A send left
 * `sending` by a crash is retried only where the upstream drops a repeated idempotency key
 * (SMS); WeChat and Alipay have no such key, and a second message is worse than none.
 */
export class SendLog {
  private readonly sql: SqlExecutor

  constructor(db: DataSource) {
    this.sql = sqlOf(db)
  }

  async claim(key: SendKey, templateId: string | null, now: Date): Promise<Claimed> {
    const id = randomUUID()
    const inserted = await this.sql.rows<{ id: string }>(
      `INSERT INTO notification_sends (id, dedupe_key, user_id, channel, status, template_id,
          detail, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, NULL, $7, $7)
        ON CONFLICT (dedupe_key, user_id, channel) DO NOTHING RETURNING id`,
      [id, key.dedupeKey, key.userId, key.channel, 'sending', templateId, now],
    )
    if (inserted.length === 1) return { claim: { id } }
    const [row] = await this.sql.rows<{ id: string; status: SendStatus }>(
      `SELECT id, status FROM notification_sends
        WHERE dedupe_key = $1 AND user_id = $2 AND channel = $3`,
      [key.dedupeKey, key.userId, key.channel],
    )
    if (!row) throw new Error('notification send row vanished')
    const retryable = row.status === 'failed' || (row.status === 'sending' && key.channel === 'sms')
    if (!retryable) return { status: row.status }
    const again = await this.sql.rows<{ id: string }>(
      `UPDATE notification_sends SET status = $3, updated_at = $4
        WHERE id = $1 AND status = $2 RETURNING id`,
      [row.id, row.status, 'sending', now],
    )
    return again.length === 1 ? { claim: { id: row.id } } : { status: 'sending' }
  }

  async finish(claim: Claim, status: SendStatus, detail: string | null, now: Date): Promise<void> {
    await this.sql.rows(
      'UPDATE notification_sends SET status = $2, detail = $3, updated_at = $4 WHERE id = $1',
      [claim.id, status, detail?.slice(0, 64) ?? null, now],
    )
  }

  /** Every send of one event to one recipient, for tests and operators. */
  async of(
    dedupeKey: string,
    userId: string,
  ): Promise<{ channel: SendChannel; status: SendStatus }[]> {
    return this.sql.rows(
      `SELECT channel, status FROM notification_sends
        WHERE dedupe_key = $1 AND user_id = $2 ORDER BY channel`,
      [dedupeKey, userId],
    )
  }
}
