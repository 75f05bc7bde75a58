import { randomUUID } from 'node:crypto'
import type { Pool } from 'pg'
import { In, type DataSource, type Repository } from 'typeorm'
import { postgresPool } from '../platform/db/postgres-pool'
import { AccountBinding } from './account-binding-entity'

export type NewBinding = Pick<AccountBinding, 'userId' | 'accountNo' | 'label' | 'role'>

/** Bindings of users to accounts. The binding guard reads only `isBound`. */
export class BindingRepository {
  private readonly repo: Repository<AccountBinding>
  private readonly pg: Pool | null

  constructor(db: DataSource) {
    this.repo = db.getRepository(AccountBinding)
    this.pg = postgresPool(db)
  }

  /** Runs on every account-scoped request: plain SQL on PostgreSQL (see postgres-pool.ts). */
  async isBound(userId: string, accountNo: string): Promise<boolean> {
    if (!this.pg) return this.repo.exists({ where: { userId, accountNo } })
    const { rowCount } = await this.pg.query({
      name: 'bindings.isBound',
      text: 'SELECT 1 FROM account_bindings WHERE user_id = $1 AND account_no = $2 LIMIT 1',
      values: [userId, accountNo],
    })
    return rowCount === 1
  }

  async find(userId: string, accountNo: string): Promise<AccountBinding | null> {
    return this.repo.findOne({ where: { userId, accountNo } })
  }

  async listForUser(userId: string): Promise<AccountBinding[]> {
    return this.repo.find({ where: { userId }, order: { createdAt: 'ASC', id: 'ASC' } })
  }

  async listForAccount(accountNo: string): Promise<AccountBinding[]> {
    return this.repo.find({ where: { accountNo }, order: { createdAt: 'ASC', id: 'ASC' } })
  }

  async countForUser(userId: string): Promise<number> {
    return this.repo.count({ where: { userId } })
  }

  /**
   * Adds a binding; the user's first becomes the default. When the same binding was just made
   * (a double tap reaching two instances), the existing one is returned.
   */
  async add(binding: NewBinding, now: Date): Promise<AccountBinding> {
    const isDefault = (await this.countForUser(binding.userId)) === 0
    const row: AccountBinding = { id: randomUUID(), ...binding, isDefault, createdAt: now }
    try {
      await this.repo.insert(row)
      return row
    } catch (err) {
      const existing = await this.find(binding.userId, binding.accountNo)
      if (existing) return existing
      throw err
    }
  }

  async setLabel(id: string, label: string | null): Promise<void> {
    await this.repo.update({ id }, { label })
  }

  /**
   * One statement, so it is atomic without a transaction (better-sqlite3's single connection
   * cannot nest or overlap transactions) and concurrent calls never leave two defaults.
   */
  async makeDefault(userId: string, accountNo: string): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .update(AccountBinding)
      .set({ isDefault: () => 'account_no = :accountNo' })
      .where('user_id = :userId', { userId })
      .setParameter('accountNo', accountNo)
      .execute()
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length) await this.repo.delete({ id: In(ids) })
  }

  save(binding: AccountBinding): Promise<AccountBinding> {
    return this.repo.save(binding)
  }
}
