import { Table, type MigrationInterface, type QueryRunner } from 'typeorm'

const varchar = (name: string, length: number, isNullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
})

/** 代办: payments and bookings agents start for residents, confirmed with a one-time code. */
export class AgentProxyRequests1765800000000 implements MigrationInterface {
  name = 'AgentProxyRequests1765800000000'

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'agent_proxy_requests',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('agent_id', 36),
          varchar('task_id', 36),
          varchar('account_no', 10),
          varchar('kind', 20),
          { name: 'amount_fen', type: 'integer', isNullable: true },
          varchar('repair_kind', 20, true),
          varchar('slot_date', 10, true),
          varchar('slot_window', 2, true),
          varchar('description', 200, true),
          varchar('code_hash', 64),
          { name: 'tries', type: 'integer', default: 0 },
          varchar('status', 10),
          varchar('created_at', 24),
          varchar('expires_at', 24),
          varchar('confirmed_at', 24, true),
          varchar('confirmed_by', 36, true),
          varchar('order_no', 32, true),
          varchar('repair_no', 32, true),
          varchar('idempotency_key', 128),
        ],
        uniques: [{ name: 'uq_agent_proxy_key', columnNames: ['agent_id', 'idempotency_key'] }],
        indices: [
          { name: 'ix_agent_proxy_account', columnNames: ['account_no', 'status'] },
          { name: 'ix_agent_proxy_agent', columnNames: ['agent_id', 'created_at'] },
        ],
      }),
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('agent_proxy_requests')
  }
}
