import { randomUUID } from 'node:crypto'
import type { DataSource, Repository } from 'typeorm'
import type { ProviderName } from '../upstream/payment-providers/payment-providers-port'
import { ReconciliationFindingRow } from './finding-entity'
import { isUniqueViolation } from '../platform/db/unique-violation'

export type Finding = Omit<ReconciliationFindingRow, 'id' | 'createdAt' | 'updatedAt'>

export const findingKey = (f: Pick<Finding, 'outTradeNo' | 'category'>): string =>
  `${f.outTradeNo}|${f.category}`

/** The findings table: one row per (day, provider, out_trade_no, category), kept across runs. */
export class FindingStore {
  private readonly rows: Repository<ReconciliationFindingRow>

  constructor(
    db: DataSource,
    private readonly now: () => Date,
  ) {
    this.rows = db.getRepository(ReconciliationFindingRow)
  }

  /** Inserts or updates the finding's row; its first sighting (created_at) is kept. */
  async record(finding: Finding): Promise<void> {
    const at = this.now()
    const { day, provider, outTradeNo, category } = finding
    const where = { day, provider, outTradeNo, category }
    if (await this.rows.existsBy(where)) {
      await this.rows.update(where, { ...finding, updatedAt: at })
      return
    }
    try {
      await this.rows.insert({ ...finding, id: randomUUID(), createdAt: at, updatedAt: at })
    } catch (err) {
      // Another run of the same day inserted it first.
      if (!isUniqueViolation(err)) throw err
      await this.rows.update(where, { ...finding, updatedAt: at })
    }
  }

  /** Open findings of the day and provider that this run no longer sees are resolved. */
  async resolveAllBut(day: string, provider: ProviderName, seen: Set<string>): Promise<void> {
    const open = await this.rows.findBy({ day, provider, status: 'open' })
    for (const row of open.filter((r) => !seen.has(findingKey(r)))) {
      await this.rows.update({ id: row.id }, { status: 'resolved', updatedAt: this.now() })
    }
  }

  ofDay(day: string): Promise<ReconciliationFindingRow[]> {
    return this.rows.find({
      where: { day },
      order: { provider: 'ASC', status: 'ASC', category: 'ASC', outTradeNo: 'ASC' },
    })
  }
}
