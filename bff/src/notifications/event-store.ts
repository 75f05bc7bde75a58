import type { DataSource } from 'typeorm'
import { sqlOf, type SqlExecutor } from '../platform/db/sql-executor'
import type { NotificationEvent } from './notification-event'

interface StoredEvent {
  payload: string
  fannedOutAt: string | null
}

/**
 * notification_events: the first publish of a dedupe key records it; later ones find it. An
 * event is "fanned out" once its recipients have their inbox messages and delivery jobs, so a
 * publisher that stopped half-way is completed by the next publish of the same event.
 */
export class EventStore {
  private readonly sql: SqlExecutor

  constructor(db: DataSource) {
    this.sql = sqlOf(db)
  }

  /** Records the event unless its key is known; true when it still has to be fanned out. */
  async record(event: NotificationEvent, now: Date): Promise<boolean> {
    const { type, accountNo, dedupeKey, data, recipients } = event
    await this.sql.rows(
      `INSERT INTO notification_events (dedupe_key, type, account_no, payload, created_at,
          fanned_out_at)
        VALUES ($1, $2, $3, $4, $5, NULL) ON CONFLICT (dedupe_key) DO NOTHING`,
      [dedupeKey, type, accountNo, JSON.stringify({ data, recipients }), now],
    )
    const [row] = await this.sql.rows<StoredEvent>(
      `SELECT payload, fanned_out_at AS "fannedOutAt" FROM notification_events
        WHERE dedupe_key = $1`,
      [dedupeKey],
    )
    return row !== undefined && row.fannedOutAt === null
  }

  async fannedOut(dedupeKey: string, now: Date): Promise<void> {
    await this.sql.rows('UPDATE notification_events SET fanned_out_at = $2 WHERE dedupe_key = $1', [
      dedupeKey,
      now,
    ])
  }

  /** The event as first published (a later publish with other facts changes nothing). */
  async find(dedupeKey: string): Promise<NotificationEvent | null> {
    const [row] = await this.sql.rows<{ type: string; accountNo: string; payload: string }>(
      `SELECT type, account_no AS "accountNo", payload FROM notification_events
        WHERE dedupe_key = $1`,
      [dedupeKey],
    )
    if (!row) return null
    const { data, recipients } = JSON.parse(row.payload) as {
      data: unknown
      recipients?: string[]
    }
    return {
      type: row.type,
      accountNo: row.accountNo,
      dedupeKey,
      data,
      ...(recipients ? { recipients } : {}),
    } as NotificationEvent
  }
}
