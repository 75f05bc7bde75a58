import { Table, type MigrationInterface, type QueryRunner } from 'typeorm'

const varchar = (name: string, length: number, isNullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
})
const instant = (name: string) => varchar(name, 24)

/**
 * 安全自查 answers per account, the safety reminders sent (unique per crossing or visit, so a
 * rerun never sends twice) and the inspections booked through the app.
 */
export class SafetyChecks1765600000000 implements MigrationInterface {
  name = 'SafetyChecks1765600000000'

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'self_checks',
        columns: [
          { ...varchar('account_no', 10), isPrimary: true },
          varchar('answers', 2000),
          varchar('checked_by', 36),
          instant('checked_at'),
        ],
      }),
    )
    await q.createTable(
      new Table({
        name: 'safety_reminders',
        columns: [
          { ...varchar('reminder_key', 120), isPrimary: true },
          varchar('account_no', 10),
          varchar('kind', 24),
          instant('sent_at'),
        ],
        indices: [{ name: 'ix_safety_reminders_account', columnNames: ['account_no'] }],
      }),
    )
    await q.createTable(
      new Table({
        name: 'safety_inspections',
        columns: [
          { ...varchar('inspection_id', 32), isPrimary: true },
          varchar('account_no', 10),
          varchar('slot_date', 10, true),
          varchar('state', 16),
          instant('updated_at'),
        ],
        indices: [{ name: 'ix_safety_inspections_due', columnNames: ['state', 'slot_date'] }],
      }),
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('safety_inspections')
    await q.dropTable('safety_reminders')
    await q.dropTable('self_checks')
  }
}
