import { Table, type MigrationInterface, type QueryRunner } from 'typeorm'

const varchar = (name: string, length: number) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: false,
})
const integer = (name: string) => ({ name, type: 'integer', isNullable: false })

/**
 * Repairs reported through the app, which the step job follows, and the step messages it sent:
 * one per (repair, timeline event, recipient), kept unique so a rerun never sends twice.
 */
export class Repairs1765200000000 implements MigrationInterface {
  name = 'Repairs1765200000000'

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'repairs',
        columns: [
          { ...varchar('repair_no', 32), isPrimary: true },
          varchar('account_no', 10),
          varchar('user_id', 36),
          integer('seen_events'),
          varchar('state', 16),
          varchar('created_at', 24),
          varchar('updated_at', 24),
        ],
        indices: [
          { name: 'ix_repairs_state', columnNames: ['state'] },
          { name: 'ix_repairs_account', columnNames: ['account_no'] },
        ],
      }),
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('repairs')
  }
}
