import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm'

const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true }
const instant = (name: string, isNullable = false) => ({
  name,
  type: 'varchar',
  length: '24',
  isNullable,
})

export class Initial1764100000000 implements MigrationInterface {
  name = 'Initial1764100000000'

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'users',
        columns: [id, instant('created_at'), instant('deleted_at', true)],
      }),
    )
    await q.createTable(
      new Table({
        name: 'user_identities',
        columns: [
          id,
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'provider', type: 'varchar', length: '16' },
          { name: 'subject', type: 'varchar', length: '128' },
          instant('created_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        uniques: [{ name: 'uq_identity_provider_subject', columnNames: ['provider', 'subject'] }],
      }),
    )
    await q.createTable(
      new Table({
        name: 'account_bindings',
        columns: [
          id,
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'account_no', type: 'varchar', length: '10' },
          { name: 'label', type: 'varchar', length: '16', isNullable: true },
          { name: 'is_default', type: 'boolean', default: false },
          { name: 'role', type: 'varchar', length: '16', default: "'owner'" },
          instant('created_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        uniques: [{ name: 'uq_binding_user_account', columnNames: ['user_id', 'account_no'] }],
      }),
    )
    await q.createIndex(
      'account_bindings',
      new TableIndex({ name: 'ix_binding_account', columnNames: ['account_no'] }),
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('account_bindings')
    await q.dropTable('user_identities')
    await q.dropTable('users')
  }
}
