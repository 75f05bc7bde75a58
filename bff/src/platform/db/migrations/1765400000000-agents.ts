import { Table, type MigrationInterface, type QueryRunner } from 'typeorm'

const varchar = (name: string, length: number, isNullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
})

/** Service agents, the tasks they send residents, and the append-only log of their actions. */
export class Agents1765400000000 implements MigrationInterface {
  name = 'Agents1765400000000'

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'agents',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          { ...varchar('login_name', 32), isUnique: true },
          varchar('display_name', 40),
          varchar('role', 16),
          varchar('team', 40),
          varchar('areas', 400),
          varchar('password_hash', 200),
          varchar('created_at', 24),
        ],
      }),
    )
    await q.createTable(
      new Table({
        name: 'agent_tasks',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('agent_id', 36),
          varchar('account_no', 10),
          varchar('kind', 20),
          varchar('target', 64, true),
          varchar('status', 10),
          varchar('created_at', 24),
          varchar('expires_at', 24),
          varchar('opened_at', 24, true),
          varchar('done_at', 24, true),
          varchar('done_ref', 64, true),
        ],
        indices: [
          { name: 'ix_agent_tasks_agent', columnNames: ['agent_id', 'status'] },
          { name: 'ix_agent_tasks_account', columnNames: ['account_no', 'status'] },
        ],
      }),
    )
    await q.createTable(
      new Table({
        name: 'agent_audit',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('agent_id', 36),
          varchar('login_name', 32),
          varchar('action', 40),
          varchar('account_no', 10, true),
          varchar('detail', 200, true),
          varchar('request_id', 64),
          varchar('at', 24),
        ],
        indices: [{ name: 'ix_agent_audit_at', columnNames: ['at'] }],
      }),
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('agent_audit')
    await q.dropTable('agent_tasks')
    await q.dropTable('agents')
  }
}
