import { In, IsNull, type DataSource, type Repository } from 'typeorm'
import { sqlOf, type SqlExecutor } from '../../platform/db/sql-executor'
import { RepairPhotoRow } from './photo-entity'

/** Where a photo's two stored objects are. */
export interface PhotoObjectKeys {
  objectKey: string
  thumbKey: string
}

/** The repair_photos table. */
export class PhotoStore {
  private readonly rows: Repository<RepairPhotoRow>
  private readonly sql: SqlExecutor

  constructor(db: DataSource) {
    this.rows = db.getRepository(RepairPhotoRow)
    this.sql = sqlOf(db)
  }

  /** Throws a unique violation when the uploader's key already has a photo. */
  async insert(row: RepairPhotoRow): Promise<void> {
    await this.rows.insert(row)
  }

  byUpload(uploaderId: string, idempotencyKey: string): Promise<RepairPhotoRow | null> {
    return this.rows.findOneBy({ uploaderId, idempotencyKey })
  }

  find(photoId: string): Promise<RepairPhotoRow | null> {
    return this.rows.findOneBy({ photoId })
  }

  ofAccount(accountNo: string, photoIds: readonly string[]): Promise<RepairPhotoRow[]> {
    if (photoIds.length === 0) return Promise.resolve([])
    return this.rows.findBy({ accountNo, photoId: In([...photoIds]) })
  }

  /** Marks the account's still unused photos among `photoIds` as used by `ref`. */
  async markUsed(accountNo: string, photoIds: readonly string[], ref: string, at: Date) {
    if (photoIds.length === 0) return
    await this.rows.update(
      { accountNo, photoId: In([...photoIds]), usedBy: IsNull() },
      { usedBy: ref, usedAt: at },
    )
  }

  /** Frees the photos `ref` claimed, for a report that made no work order after all. */
  async release(ref: string): Promise<void> {
    await this.rows.update({ usedBy: ref }, { usedBy: null, usedAt: null })
  }

  /** Ids of photos no report claimed, uploaded before `cutoff`, oldest first. */
  async unusedBefore(cutoff: Date, limit: number): Promise<string[]> {
    const rows = await this.sql.rows<{ photoId: string }>(
      `SELECT photo_id AS "photoId" FROM repair_photos
       WHERE used_by IS NULL AND created_at < $1
       ORDER BY created_at, photo_id LIMIT $2`,
      [cutoff, limit],
    )
    return rows.map((row) => row.photoId)
  }

  /**
   * Deletes the photo's row if it is still unclaimed and uploaded before `cutoff`, and answers
   * its objects' keys; null when a report claimed it or another run deleted it first. A claim
   * is a conditional update of the same row, so of a claim and this delete exactly one wins.
   */
  async deleteIfUnused(photoId: string, cutoff: Date): Promise<PhotoObjectKeys | null> {
    const [keys] = await this.sql.rows<PhotoObjectKeys>(
      `DELETE FROM repair_photos
       WHERE photo_id = $1 AND used_by IS NULL AND created_at < $2
       RETURNING object_key AS "objectKey", thumb_key AS "thumbKey"`,
      [photoId, cutoff],
    )
    return keys ?? null
  }
}
