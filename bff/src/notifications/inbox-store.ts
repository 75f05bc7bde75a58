import { randomUUID } from 'node:crypto'
import type { NotificationType } from '@gh/shared'
import type { DataSource } from 'typeorm'
import { SqlParams, sqlOf, type SqlExecutor } from '../platform/db/sql-executor'

export interface InboxEntry {
  id: string
  userId: string
  accountNo: string
  type: NotificationType
  title: string
  body: string
  page: string | null
  createdAt: Date
  readAt: Date | null
}

export type NewInboxEntry = Omit<InboxEntry, 'id' | 'readAt'> & { dedupeKey: string }

const COLUMNS = `id, user_id AS "userId", account_no AS "accountNo", type, title, body, page,
  created_at AS "createdAt", read_at AS "readAt"`

type Stored = Omit<InboxEntry, 'createdAt' | 'readAt'> & {
  createdAt: string
  readAt: string | null
}

function hydrate(row: Stored): InboxEntry {
  return {
    ...row,
    createdAt: new Date(row.createdAt),
    readAt: row.readAt ? new Date(row.readAt) : null,
  }
}

/** Where the next page starts: the last entry of this one, newest-first order. */
interface Cursor {
  createdAt: string
  id: string
}

export function encodeCursor(entry: InboxEntry): string {
  return Buffer.from(`${entry.createdAt.toISOString()}|${entry.id}`).toString('base64url')
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Only what `encodeCursor` writes: anything else is a crafted cursor and never reaches SQL. */
function decodeCursor(text: string): Cursor | null {
  const [createdAt, id, ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|')
  if (!createdAt || !id || rest.length > 0 || !UUID.test(id)) return null
  const at = new Date(createdAt)
  if (Number.isNaN(at.getTime()) || at.toISOString() !== createdAt) return null
  return { createdAt, id }
}

/** inbox_messages: one per (event, recipient), however often the event is published. */
export class InboxStore {
  private readonly sql: SqlExecutor

  constructor(db: DataSource) {
    this.sql = sqlOf(db)
  }

  async add(entry: NewInboxEntry): Promise<void> {
    await this.sql.rows(
      `INSERT INTO inbox_messages (id, user_id, dedupe_key, account_no, type, title, body, page,
          created_at, read_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL)
        ON CONFLICT (dedupe_key, user_id) DO NOTHING`,
      [
        randomUUID(),
        entry.userId,
        entry.dedupeKey,
        entry.accountNo,
        entry.type,
        entry.title,
        entry.body,
        entry.page,
        entry.createdAt,
      ],
    )
  }

  /** Newest first; `limit + 1` rows are read to know whether another page follows. */
  async page(
    userId: string,
    options: { limit: number; cursor?: string; accountNo?: string },
  ): Promise<{ entries: InboxEntry[]; next: string | null } | null> {
    const p = new SqlParams()
    const where = [`user_id = ${p.add(userId)}`]
    if (options.accountNo) where.push(`account_no = ${p.add(options.accountNo)}`)
    if (options.cursor !== undefined) {
      const cursor = decodeCursor(options.cursor)
      if (!cursor) return null
      const at = p.add(cursor.createdAt)
      where.push(`(created_at < ${at} OR (created_at = ${at} AND id < ${p.add(cursor.id)}))`)
    }
    const rows = await this.sql.rows<Stored>(
      `SELECT ${COLUMNS} FROM inbox_messages WHERE ${where.join(' AND ')}
        ORDER BY created_at DESC, id DESC LIMIT ${p.add(options.limit + 1)}`,
      p.values,
    )
    const entries = rows.slice(0, options.limit).map(hydrate)
    const last = entries.at(-1)
    return { entries, next: rows.length > options.limit && last ? encodeCursor(last) : null }
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.sql.rows<{ count: number }>(
      `SELECT CAST(COUNT(*) AS integer) AS count FROM inbox_messages
        WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    )
    return row?.count ?? 0
  }

  /** Marks the caller's entry read (keeping the first read time); null when not theirs. */
  async markRead(userId: string, id: string, now: Date): Promise<InboxEntry | null> {
    await this.sql.rows(
      `UPDATE inbox_messages SET read_at = $3
        WHERE id = $1 AND user_id = $2 AND read_at IS NULL`,
      [id, userId, now],
    )
    const [row] = await this.sql.rows<Stored>(
      `SELECT ${COLUMNS} FROM inbox_messages WHERE id = $1 AND user_id = $2`,
      [id, userId],
    )
    return row ? hydrate(row) : null
  }

  async markAllRead(userId: string, now: Date): Promise<void> {
    await this.sql.rows(
      'UPDATE inbox_messages SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL',
      [userId, now],
    )
  }
}
