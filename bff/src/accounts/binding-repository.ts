import { randomUUID } from 'node:crypto'
import type { DataSource } from 'typeorm'
import { SqlParams, sqlOf, type SqlExecutor } from '../platform/db/sql-executor'
import type { AccountBinding } from './account-binding-entity'
import type { BoundCache } from './bound-cache'

export type NewBinding = Pick<AccountBinding, 'userId' | 'accountNo' | 'label' | 'role'>

const COLUMNS = `id, user_id AS "userId", account_no AS "accountNo", label,
  is_default AS "isDefault", role, created_at AS "createdAt"`

/** As stored: SQLite keeps booleans as 0/1, instants are UTC ISO strings (db/columns.ts). */
type StoredBinding = Omit<AccountBinding, 'isDefault' | 'createdAt'> & {
  isDefault: boolean | number
  createdAt: string
}

function hydrate(row: StoredBinding): AccountBinding {
  return { ...row, isDefault: Boolean(row.isDefault), createdAt: new Date(row.createdAt) }
}

/**
 * Bindings of users to accounts. The binding guard reads only `isBound`, on every
 * account-scoped request, through `cache` when given (see BoundCache for how soon a removal is
 * obeyed); every removal goes through `remove` (or, for rows deleted in another transaction,
 * `removedElsewhere`), which tells the cache. One code path on both engines (sql-executor.ts).
 */
export class BindingRepository {
  private readonly sql: SqlExecutor

  constructor(
    db: DataSource,
    private readonly cache?: BoundCache,
  ) {
    this.sql = sqlOf(db)
  }

  async isBound(userId: string, accountNo: string): Promise<boolean> {
    if (this.cache?.has(userId, accountNo)) return true
    const mark = this.cache?.mark() ?? 0
    const rows = await this.sql.rows(
      'SELECT 1 AS bound FROM account_bindings WHERE user_id = $1 AND account_no = $2 LIMIT 1',
      [userId, accountNo],
    )
    const bound = rows.length === 1
    if (bound) this.cache?.remember(userId, accountNo, mark)
    return bound
  }

  async find(userId: string, accountNo: string): Promise<AccountBinding | null> {
    const [row] = await this.select('user_id = $1 AND account_no = $2 LIMIT 1', [userId, accountNo])
    return row ?? null
  }

  listForUser(userId: string): Promise<AccountBinding[]> {
    return this.select('user_id = $1 ORDER BY created_at ASC, id ASC', [userId])
  }

  listForAccount(accountNo: string): Promise<AccountBinding[]> {
    return this.select('account_no = $1 ORDER BY created_at ASC, id ASC', [accountNo])
  }

  async countForUser(userId: string): Promise<number> {
    const [row] = await this.sql.rows<{ count: number }>(
      'SELECT CAST(COUNT(*) AS integer) AS count FROM account_bindings WHERE user_id = $1',
      [userId],
    )
    return row?.count ?? 0
  }

  /**
   * Adds a binding; the user's first becomes the default. When the same binding was just made
   * (a double tap reaching two instances), the existing one is returned.
   */
  async add(binding: NewBinding, now: Date): Promise<AccountBinding> {
    const isDefault = (await this.countForUser(binding.userId)) === 0
    const row: AccountBinding = { id: randomUUID(), ...binding, isDefault, createdAt: now }
    try {
      await this.sql.rows(
        `INSERT INTO account_bindings (id, user_id, account_no, label, is_default, role,
          created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [row.id, row.userId, row.accountNo, row.label, row.isDefault, row.role, row.createdAt],
      )
      return row
    } catch (err) {
      const existing = await this.find(binding.userId, binding.accountNo)
      if (existing) return existing
      throw err
    }
  }

  async setLabel(id: string, label: string | null): Promise<void> {
    await this.sql.rows('UPDATE account_bindings SET label = $2 WHERE id = $1', [id, label])
  }

  /** One statement, so concurrent calls never leave two defaults. */
  async makeDefault(userId: string, accountNo: string): Promise<void> {
    await this.sql.rows(
      'UPDATE account_bindings SET is_default = (account_no = $2) WHERE user_id = $1',
      [userId, accountNo],
    )
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return
    const p = new SqlParams()
    const removed = await this.sql.rows<{ userId: string; accountNo: string }>(
      `DELETE FROM account_bindings WHERE id IN (${p.list(ids)})
        RETURNING user_id AS "userId", account_no AS "accountNo"`,
      p.values,
    )
    // Committed: from here on no request may pass the guard on a removed binding.
    await this.cache?.removed(removed)
  }

  /**
   * For bindings deleted together with other records (注销's transaction): tells the cache, as
   * `remove` does, once that has committed.
   */
  async removedElsewhere(removed: readonly { userId: string; accountNo: string }[]): Promise<void> {
    await this.cache?.removed(removed)
  }

  private async select(rest: string, values: readonly string[]): Promise<AccountBinding[]> {
    const rows = await this.sql.rows<StoredBinding>(
      `SELECT ${COLUMNS} FROM account_bindings WHERE ${rest}`,
      values,
    )
    return rows.map(hydrate)
  }
}
