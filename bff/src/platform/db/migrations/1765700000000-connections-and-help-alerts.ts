import { Table, type MigrationInterface, type QueryRunner } from 'typeorm'

const varchar = (name: string, length: number, isNullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
})
const instant = (name: string, isNullable = false) => varchar(name, 24, isNullable)
const flag = (name: string) => ({ name, type: 'boolean', isNullable: false })

/**
 * 报装 applications (whose they are, and the account they opened), and 一键求助: the settings per
 * account, every alert sent and each family member it reached (once per alert).
 */
export class ConnectionsAndHelpAlerts1765700000000 implements MigrationInterface {
  name = 'ConnectionsAndHelpAlerts1765700000000'

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'connection_applications',
        columns: [
          { ...varchar('application_id', 16), isPrimary: true },
          varchar('user_id', 36),
          varchar('idempotency_key', 128),
          varchar('from_account_no', 10, true),
          varchar('account_no', 10, true),
          varchar('document_kinds', 60),
          instant('created_at'),
          instant('bound_at', true),
        ],
        uniques: [
          { name: 'uq_connection_applications_key', columnNames: ['user_id', 'idempotency_key'] },
        ],
        indices: [
          { name: 'ix_connection_applications_account', columnNames: ['account_no'] },
          { name: 'ix_connection_applications_from', columnNames: ['from_account_no'] },
        ],
      }),
    )
    await q.createTable(
      new Table({
        name: 'help_settings',
        columns: [
          { ...varchar('account_no', 10), isPrimary: true },
          flag('enabled'),
          flag('share_location'),
          varchar('updated_by', 36),
          instant('updated_at'),
        ],
      }),
    )
    await q.createTable(
      new Table({
        name: 'help_alerts',
        columns: [
          { ...varchar('alert_id', 32), isPrimary: true },
          varchar('account_no', 10),
          varchar('user_id', 36),
          varchar('idempotency_key', 128),
          varchar('kind', 16),
          varchar('location', 32, true),
          varchar('desk_ref', 32, true),
          varchar('desk_label', 40, true),
          instant('desk_reached_at', true),
          varchar('acknowledged_by', 60, true),
          instant('acknowledged_at', true),
          instant('created_at'),
        ],
        uniques: [{ name: 'uq_help_alerts_key', columnNames: ['user_id', 'idempotency_key'] }],
        indices: [{ name: 'ix_help_alerts_account', columnNames: ['account_no', 'created_at'] }],
      }),
    )
    await q.createTable(
      new Table({
        name: 'help_alert_recipients',
        columns: [
          { ...varchar('alert_id', 32), isPrimary: true },
          { ...varchar('user_id', 36), isPrimary: true },
          varchar('label', 40),
          instant('reached_at'),
        ],
      }),
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('help_alert_recipients')
    await q.dropTable('help_alerts')
    await q.dropTable('help_settings')
    await q.dropTable('connection_applications')
  }
}
