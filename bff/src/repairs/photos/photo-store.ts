import { In, IsNull, type DataSource, type Repository } from 'typeorm'
import { RepairPhotoRow } from './photo-entity'

/** The repair_photos table. */
export class PhotoStore {
  private readonly rows: Repository<RepairPhotoRow>

  constructor(db: DataSource) {
    this.rows = db.getRepository(RepairPhotoRow)
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
}
