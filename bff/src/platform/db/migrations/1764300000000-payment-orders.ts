import { Table, type MigrationInterface, type QueryRunner } from 'typeorm'

const varchar = (name: string, length: number, isNullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
})
const integer = (name: string, isNullable = false) => ({ name, type: 'integer', isNullable })
const instant = (name: string, isNullable = false) => varchar(name, 24, isNullable)

/**
 * Payment orders and their transitions. The uniques are the exactly-once guarantees that do not
 * depend on any process: one order per out_trade_no and per (user, Idempotency-Key); each state
 * entered at most once per order (the state graph has no cycles).
 */
export class PaymentOrders1764300000000 implements MigrationInterface {
  name = 'PaymentOrders1764300000000'

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'payment_orders',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('out_trade_no', 32),
          varchar('user_id', 36),
          varchar('idempotency_key', 128),
          varchar('account_no', 10),
          varchar('account_kind', 16),
          varchar('purpose', 8),
          varchar('channel', 8),
          varchar('provider', 16),
          integer('amount_fen'),
          integer('to_arrears_fen'),
          varchar('state', 24),
          { ...integer('version'), default: 0 },
          { name: 'client_params', type: 'text', isNullable: true },
          varchar('transaction_id', 64, true),
          integer('paid_fen', true),
          varchar('refund_no', 64, true),
          instant('created_at'),
          instant('updated_at'),
          instant('expires_at'),
          instant('paid_at', true),
        ],
        uniques: [
          { name: 'uq_payment_out_trade_no', columnNames: ['out_trade_no'] },
          { name: 'uq_payment_user_key', columnNames: ['user_id', 'idempotency_key'] },
        ],
        indices: [
          { name: 'ix_payment_account', columnNames: ['account_no', 'purpose', 'created_at'] },
          { name: 'ix_payment_state', columnNames: ['state', 'updated_at'] },
        ],
      }),
    )
    await q.createTable(
      new Table({
        name: 'payment_order_transitions',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('order_id', 36),
          varchar('from_state', 24, true),
          varchar('to_state', 24),
          varchar('cause', 64),
          instant('at'),
        ],
        foreignKeys: [
          {
            columnNames: ['order_id'],
            referencedTableName: 'payment_orders',
            referencedColumnNames: ['id'],
          },
        ],
        uniques: [{ name: 'uq_transition_order_state', columnNames: ['order_id', 'to_state'] }],
      }),
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('payment_order_transitions')
    await q.dropTable('payment_orders')
  }
}
