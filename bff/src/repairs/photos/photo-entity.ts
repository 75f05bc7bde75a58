import { Column, Entity, PrimaryColumn } from 'typeorm'
import { InstantColumn } from '../../platform/db/columns'

/**
 * A repair photo as stored: both of its objects (the re-encoded JPEG and its thumbnail) exist
 * before the row is written, so a row never names a missing object. (uploader, idempotency key)
 * is unique: a repeated upload answers this row instead of storing the photo twice.
 */
@Entity({ name: 'repair_photos' })
export class RepairPhotoRow {
  @PrimaryColumn({ type: 'varchar', length: 32, name: 'photo_id' })
  photoId!: string

  @Column({ type: 'varchar', length: 10, name: 'account_no' })
  accountNo!: string

  @Column({ type: 'varchar', length: 36, name: 'uploader_id' })
  uploaderId!: string

  @Column({ type: 'varchar', length: 128, name: 'idempotency_key' })
  idempotencyKey!: string

  /** SHA-256 of the bytes as uploaded: a repeated key with other bytes is another request. */
  @Column({ type: 'varchar', length: 64, name: 'upload_sha256' })
  uploadSha256!: string

  @Column({ type: 'varchar', length: 128, name: 'object_key' })
  objectKey!: string

  @Column({ type: 'varchar', length: 128, name: 'thumb_key' })
  thumbKey!: string

  @Column({ type: 'integer' })
  width!: number

  @Column({ type: 'integer' })
  height!: number

  /** Size of the stored JPEG. */
  @Column({ type: 'integer' })
  bytes!: number

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date

  /** The repair (work order) the photo was attached to; null until a report claims it. */
  @Column({ type: 'varchar', length: 64, name: 'used_by', nullable: true })
  usedBy!: string | null

  @InstantColumn({ name: 'used_at', nullable: true })
  usedAt!: Date | null
}
