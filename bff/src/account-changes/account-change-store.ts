import type { DataSource } from 'typeorm'
import { sqlOf, type SqlExecutor } from '../platform/db/sql-executor'
import type { AccountChangeRow } from './account-change-entity'

const COLUMNS = `change_id AS "changeId", account_no AS "accountNo", user_id AS "userId", kind,
  state, photo_ids AS "photoIds", created_at AS "createdAt", settled_at AS "settledAt"`

type Stored = Omit<AccountChangeRow, 'createdAt' | 'settledAt'> & {
  createdAt: string
  settledAt: string | null
}

const hydrate = (row: Stored): AccountChangeRow => ({
  ...row,
  createdAt: new Date(row.createdAt),
  settledAt: row.settledAt === null ? null : new Date(row.settledAt),
})

/** Our side of the change requests; one code path on both engines. */
export class AccountChangeStore {
  private readonly sql: SqlExecutor

  constructor(db: DataSource) {
    this.sql = sqlOf(db)
  }

  /** Adds the request once; a retry with the same id keeps the first row. */
  async add(row: AccountChangeRow): Promise<void> {
    const found = await this.find(row.changeId)
    if (found) return
    try {
      await this.sql.rows(
        `INSERT INTO account_changes (change_id, account_no, user_id, kind, state, photo_ids,
          created_at, settled_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          row.changeId,
          row.accountNo,
          row.userId,
          row.kind,
          row.state,
          row.photoIds,
          row.createdAt.toISOString(),
          row.settledAt?.toISOString() ?? null,
        ],
      )
    } catch (err) {
      if (!(await this.find(row.changeId))) throw err
    }
  }

  async find(changeId: string): Promise<AccountChangeRow | null> {
    const rows = await this.sql.rows<Stored>(
      `SELECT ${COLUMNS} FROM account_changes WHERE change_id = $1`,
      [changeId],
    )
    return rows[0] ? hydrate(rows[0]) : null
  }

  async ofAccount(accountNo: string): Promise<AccountChangeRow[]> {
    const rows = await this.sql.rows<Stored>(
      `SELECT ${COLUMNS} FROM account_changes WHERE account_no = $1`,
      [accountNo],
    )
    return rows.map(hydrate)
  }

  /** Accounts with a request whose decision has not been applied here yet. */
  async unsettledAccounts(limit: number): Promise<string[]> {
    const rows = await this.sql.rows<{ accountNo: string }>(
      `SELECT DISTINCT account_no AS "accountNo" FROM account_changes
        WHERE settled_at IS NULL ORDER BY account_no LIMIT ${Math.max(1, Math.floor(limit))}`,
      [],
    )
    return rows.map((r) => r.accountNo)
  }

  async setState(changeId: string, state: AccountChangeRow['state']): Promise<void> {
    await this.sql.rows('UPDATE account_changes SET state = $2 WHERE change_id = $1', [
      changeId,
      state,
    ])
  }

  /**
   * Marks the decision applied; false when another caller (the sync job, a read, a binding)
   * already did. From then on nothing revokes the account's bindings for this request again.
   */
  async settle(changeId: string, state: AccountChangeRow['state'], at: Date): Promise<boolean> {
    const rows = await this.sql.rows<{ changeId: string }>(
      `UPDATE account_changes SET state = $2, settled_at = $3
        WHERE change_id = $1 AND settled_at IS NULL RETURNING change_id AS "changeId"`,
      [changeId, state, at.toISOString()],
    )
    return rows.length === 1
  }
}
