import { Table, type MigrationInterface, type QueryRunner } from 'typeorm'

const varchar = (name: string, length: number, isNullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
})
const flag = (name: string, value: boolean) => ({ name, type: 'boolean', default: value })
const integer = (name: string, value: number) => ({ name, type: 'integer', default: value })
const instant = (name: string, isNullable = false) => varchar(name, 24, isNullable)

/**
 * Messages to residents: per-account settings, the events published, the inbox, every send
 * (unique per event, recipient and channel, so a repeat never sends twice) and the last seen
 * version of each supply-stop notice.
 */
export class Notifications1765300000000 implements MigrationInterface {
  name = 'Notifications1765300000000'

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'notification_settings',
        columns: [
          { ...varchar('user_id', 36), isPrimary: true },
          { ...varchar('account_no', 10), isPrimary: true },
          flag('bills_on', true),
          flag('balance_on', true),
          integer('low_balance_fen', 2000),
          flag('supply_stops_on', true),
          flag('repairs_on', true),
          flag('payments_on', true),
          flag('wechat_on', true),
          flag('alipay_on', true),
          flag('sms_on', false),
          instant('sms_consented_at', true),
          flag('balance_below', false),
          integer('balance_crossings', 0),
          instant('updated_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [{ name: 'ix_notify_settings_account', columnNames: ['account_no'] }],
      }),
    )
    await q.createTable(
      new Table({
        name: 'notification_events',
        columns: [
          { ...varchar('dedupe_key', 160), isPrimary: true },
          varchar('type', 32),
          varchar('account_no', 10),
          { name: 'payload', type: 'text' },
          instant('created_at'),
          instant('fanned_out_at', true),
        ],
      }),
    )
    await q.createTable(
      new Table({
        name: 'inbox_messages',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('user_id', 36),
          varchar('dedupe_key', 160),
          varchar('account_no', 10),
          varchar('type', 32),
          varchar('title', 100),
          varchar('body', 500),
          varchar('page', 300, true),
          instant('created_at'),
          instant('read_at', true),
        ],
        foreignKeys: [
          {
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        uniques: [{ name: 'uq_inbox_event_user', columnNames: ['dedupe_key', 'user_id'] }],
        indices: [{ name: 'ix_inbox_user_created', columnNames: ['user_id', 'created_at', 'id'] }],
      }),
    )
    await q.createTable(
      new Table({
        name: 'notification_sends',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('dedupe_key', 160),
          varchar('user_id', 36),
          varchar('channel', 8),
          varchar('status', 16),
          varchar('template_id', 128, true),
          varchar('detail', 64, true),
          instant('created_at'),
          instant('updated_at'),
        ],
        uniques: [{ name: 'uq_notify_send', columnNames: ['dedupe_key', 'user_id', 'channel'] }],
      }),
    )
    await q.createTable(
      new Table({
        name: 'supply_notices_seen',
        columns: [
          { ...varchar('notice_id', 40), isPrimary: true },
          varchar('area_code', 8),
          varchar('version', 40),
          { name: 'ended', type: 'boolean' },
          instant('updated_at'),
        ],
      }),
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('supply_notices_seen')
    await q.dropTable('notification_sends')
    await q.dropTable('inbox_messages')
    await q.dropTable('notification_events')
    await q.dropTable('notification_settings')
  }
}
