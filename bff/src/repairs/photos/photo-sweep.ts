import type { Logger } from '../../platform/logger'
import type { ObjectStorage } from '../../platform/storage/object-storage'
import type { PhotoStore } from './photo-store'

export interface UnusedPhotoSweepDeps {
  store: PhotoStore
  storage: ObjectStorage
  /** A photo no report claimed within this long of its upload is deleted. */
  maxAgeMs: number
  logger: Logger
  now: () => Date
}

export interface SweepCounts {
  /** Photos deleted by this run (their rows; their objects too unless counted below). */
  deleted: number
  /** Objects of deleted photos the store failed to remove: unreferenced bytes, never a broken photo. */
  objectsLeft: number
}

/** Photos looked at per query, and queries per run: a backlog is worked off over a few runs. */
const BATCH = 200
const MAX_BATCHES = 25

/**
 * Deletes the photos residents uploaded and never sent with a report (a draft given up, a
 * photo replaced before sending): they are pictures of someone's home, kept no longer than
 * needed. Each row is deleted only if still unclaimed, and its objects only by the run whose
 * delete took the row, so two runs at once on two instances delete each photo once, and a
 * photo attached to a work order is never touched.
 */
export class UnusedPhotoSweep {
  constructor(private readonly deps: UnusedPhotoSweepDeps) {}

  async runOnce(): Promise<SweepCounts> {
    const { store, storage, logger } = this.deps
    const cutoff = new Date(this.deps.now().getTime() - this.deps.maxAgeMs)
    const counts: SweepCounts = { deleted: 0, objectsLeft: 0 }
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const ids = await store.unusedBefore(cutoff, BATCH)
      for (const photoId of ids) {
        const keys = await store.deleteIfUnused(photoId, cutoff)
        if (!keys) continue
        counts.deleted += 1
        // The row goes first: once it is gone no reader can reach the objects, and an object
        // already missing (a run that stopped halfway) is no error of the store's.
        const removals = await Promise.allSettled([
          storage.delete(keys.objectKey),
          storage.delete(keys.thumbKey),
        ])
        counts.objectsLeft += removals.filter((r) => r.status === 'rejected').length
      }
      if (ids.length < BATCH) break
    }
    // Counts only: ids would tie a log line to an account's photos.
    if (counts.objectsLeft > 0) logger.warn(counts, 'unused repair photos swept, objects left')
    else if (counts.deleted > 0) logger.info(counts, 'unused repair photos swept')
    return counts
  }
}
