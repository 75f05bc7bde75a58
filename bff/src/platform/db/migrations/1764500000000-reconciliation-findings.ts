import { Table, type MigrationInterface, type QueryRunner } from 'typeorm'

const varchar = (name: string, length: number, isNullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
})
const integer = (name: string, isNullable = false) => ({ name, type: 'integer', isNullable })

/**
 * Daily reconciliation's findings, one row per (day, provider, out_trade_no, category): the
 * unique makes a rerun of a day update its rows instead of adding to them.
 */
export class ReconciliationFindings1764500000000 implements MigrationInterface {
  name = 'ReconciliationFindings1764500000000'

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'reconciliation_findings',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('day', 10),
          varchar('provider', 16),
          varchar('out_trade_no', 64),
          varchar('category', 32),
          varchar('our_state', 24, true),
          varchar('provider_state', 24, true),
          integer('our_fen', true),
          integer('provider_fen', true),
          integer('billing_fen', true),
          varchar('action', 32),
          varchar('status', 12),
          varchar('created_at', 24),
          varchar('updated_at', 24),
        ],
        uniques: [
          {
            name: 'uq_recon_finding',
            columnNames: ['day', 'provider', 'out_trade_no', 'category'],
          },
        ],
        indices: [{ name: 'ix_recon_status', columnNames: ['status', 'day'] }],
      }),
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('reconciliation_findings')
  }
}
