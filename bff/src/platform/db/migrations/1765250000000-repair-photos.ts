import { Table, type MigrationInterface, type QueryRunner } from 'typeorm'

const varchar = (name: string, length: number, isNullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
})
const integer = (name: string) => ({ name, type: 'integer', isNullable: false })

/**
 * Repair photos: one row per stored photo, written after its objects are stored. Unique per
 * (uploader, idempotency key), so a retried upload finds its photo instead of adding one.
 */
export class RepairPhotos1765250000000 implements MigrationInterface {
  name = 'RepairPhotos1765250000000'

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'repair_photos',
        columns: [
          { ...varchar('photo_id', 32), isPrimary: true },
          varchar('account_no', 10),
          varchar('uploader_id', 36),
          varchar('idempotency_key', 128),
          varchar('upload_sha256', 64),
          varchar('object_key', 128),
          varchar('thumb_key', 128),
          integer('width'),
          integer('height'),
          integer('bytes'),
          varchar('created_at', 24),
          varchar('used_by', 64, true),
          varchar('used_at', 24, true),
        ],
        uniques: [
          { name: 'uq_repair_photo_upload', columnNames: ['uploader_id', 'idempotency_key'] },
        ],
        indices: [{ name: 'ix_repair_photos_account', columnNames: ['account_no'] }],
      }),
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('repair_photos')
  }
}
