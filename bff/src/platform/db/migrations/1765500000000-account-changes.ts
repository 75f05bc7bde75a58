import { Table, type MigrationInterface, type QueryRunner } from 'typeorm'

const varchar = (name: string, length: number, isNullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
})

/**
 * 过户 / 销户 / 信息变更 requests made here: who asked, which photos they carry, and whether the
 * decision's effect on our own records (bindings, the resident's message) has been applied.
 */
export class AccountChanges1765500000000 implements MigrationInterface {
  name = 'AccountChanges1765500000000'

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'account_changes',
        columns: [
          { ...varchar('change_id', 64), isPrimary: true },
          varchar('account_no', 10),
          varchar('user_id', 36),
          varchar('kind', 10),
          varchar('state', 10),
          varchar('photo_ids', 400),
          varchar('created_at', 24),
          varchar('settled_at', 24, true),
        ],
        indices: [
          { name: 'ix_account_changes_account', columnNames: ['account_no'] },
          { name: 'ix_account_changes_open', columnNames: ['settled_at'] },
        ],
      }),
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('account_changes')
  }
}
