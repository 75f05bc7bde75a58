import { createHash, randomBytes } from 'node:crypto'
import type { RateLimiterAbstract } from 'rate-limiter-flexible'
import { repairPhotoPath, type FileReply, type RepairPhoto, type RepairPhotoSize } from '@gh/shared'
import { consumeOrRateLimited, rateLimited } from '../../auth/rate-limited'
import { AppError } from '../../platform/app-error'
import { isUniqueViolation } from '../../platform/db/unique-violation'
import type { Logger } from '../../platform/logger'
import type { WithLock } from '../../platform/redis-lock'
import type { ObjectStorage } from '../../platform/storage/object-storage'
import { reencodePhoto, type EncodedPhoto } from './photo-content'
import type { RepairPhotoRow } from './photo-entity'
import type { PhotoStore } from './photo-store'

export interface RepairPhotosDeps {
  store: PhotoStore
  storage: ObjectStorage
  /** Uploads per user; a repeated Idempotency-Key does not count. */
  uploads: RateLimiterAbstract
  /** Serialises the claims of one account's photos across instances. */
  accountLock: WithLock
  /** Above 0 (and a store that signs): reads redirect to a URL signed for this long. */
  signedUrlSeconds: number
  logger: Logger
  now: () => Date
}

export interface PhotoUpload {
  accountNo: string
  userId: string
  idempotencyKey: string
  bytes: Buffer
}

interface ObjectKeys {
  objectKey: string
  thumbKey: string
}

const UPLOADS_TOO_OFTEN = '上传照片太频繁'

/**
 * How a claim by a document request (身份证, 房产证 for 过户 / 销户 / 信息变更 and 报装) is
 * marked: such a photo is never served back, to anyone; only its reference goes to the CIS.
 * Every feature claiming identity or property papers goes through `documents`, so this one
 * mark covers them all.
 */
const DOCUMENT_REF = 'document:'
const isDocument = (row: RepairPhotoRow) => row.usedBy?.startsWith(DOCUMENT_REF) === true

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

function viewOf(row: RepairPhotoRow): RepairPhoto {
  return {
    photoId: row.photoId,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    url: repairPhotoPath(row.accountNo, row.photoId, 'full'),
    thumbnailUrl: repairPhotoPath(row.accountNo, row.photoId, 'thumb'),
  }
}

/**
 * 报修照片: taking a photo in (checked, re-encoded, both sizes stored, then its row), showing it
 * to the account's users, and handing photos to a repair report. The repairs feature calls
 * `claim` before it creates a work order, `release` when the work-order system refuses it, and
 * `urlsFor` to show a report's photos.
 */
export class RepairPhotos {
  constructor(private readonly deps: RepairPhotosDeps) {}

  /**
   * Stores one photo for the account. The same uploader and Idempotency-Key answer the photo
   * stored the first time; the same key with other bytes or for another account is refused.
   * Nothing is stored for a refused photo, and the row is written only after both objects are.
   */
  async upload(input: PhotoUpload): Promise<RepairPhoto> {
    const { store } = this.deps
    const digest = sha256(input.bytes)
    const earlier = await store.byUpload(input.userId, input.idempotencyKey)
    if (earlier) return repeated(earlier, input.accountNo, digest)
    await consumeOrRateLimited(this.deps.uploads, input.userId, UPLOADS_TOO_OFTEN, this.deps.now())
    const photo = await reencodePhoto(input.bytes, this.deps.logger)
    const photoId = randomBytes(16).toString('base64url')
    const keys = {
      objectKey: `repair-photos/${photoId}.jpg`,
      thumbKey: `repair-photos/${photoId}.thumb.jpg`,
    }
    await this.putBoth(keys, photo)
    const row: RepairPhotoRow = {
      photoId,
      accountNo: input.accountNo,
      uploaderId: input.userId,
      idempotencyKey: input.idempotencyKey,
      uploadSha256: digest,
      ...keys,
      width: photo.width,
      height: photo.height,
      bytes: photo.full.byteLength,
      createdAt: this.deps.now(),
      usedBy: null,
      usedAt: null,
    }
    try {
      await store.insert(row)
    } catch (err) {
      await this.removeBoth(keys)
      // A concurrent repeat of this upload stored its photo first: answer that one.
      const winner = isUniqueViolation(err)
        ? await store.byUpload(input.userId, input.idempotencyKey)
        : null
      if (!winner) throw err
      return repeated(winner, input.accountNo, digest)
    }
    return viewOf(row)
  }

  /**
   * Before the body is read: throws 429 when the user has no uploads left, so a refused upload
   * costs no memory. A retry of an upload already stored is still let in, to be answered.
   */
  async admit(userId: string, idempotencyKey: string | undefined): Promise<void> {
    const { uploads } = this.deps
    const used = await uploads.get(userId)
    if (!used || used.consumedPoints < uploads.points) return
    if (idempotencyKey && (await this.deps.store.byUpload(userId, idempotencyKey))) return
    const seconds = Math.max(1, Math.ceil(used.msBeforeNext / 1000))
    throw rateLimited(UPLOADS_TOO_OFTEN, seconds, this.deps.now())
  }

  /** The photo's bytes, or a redirect to a signed URL of them; only within its own account. */
  async read(accountNo: string, photoId: string, size: RepairPhotoSize): Promise<FileReply> {
    const row = await this.deps.store.find(photoId)
    // A claimed document answers as an unknown id, so its existence is not confirmed either.
    if (!row || row.accountNo !== accountNo || isDocument(row)) {
      throw new AppError('PHOTO_NOT_FOUND')
    }
    const key = size === 'thumb' ? row.thumbKey : row.objectKey
    const { storage, signedUrlSeconds } = this.deps
    if (signedUrlSeconds > 0 && storage.signedUrl) {
      return { kind: 'redirect', location: await storage.signedUrl(key, signedUrlSeconds) }
    }
    const stored = await storage.get(key)
    if (!stored) {
      this.deps.logger.error({ photoId, size }, 'repair photo row without its object')
      throw new AppError('PHOTO_NOT_FOUND')
    }
    return { kind: 'bytes', contentType: stored.contentType, bytes: stored.bytes }
  }

  /**
   * Throws unless every id is a photo of the account that no other report uses: PHOTO_NOT_FOUND
   * for an unknown id or another account's photo (the same answer, so ids of other accounts
   * cannot be probed), PHOTO_ALREADY_USED for one attached to another report.
   */
  async check(accountNo: string, photoIds: readonly string[], ref?: string): Promise<void> {
    const wanted = [...new Set(photoIds)]
    const rows = await this.deps.store.ofAccount(accountNo, wanted)
    if (rows.length !== wanted.length) {
      throw new AppError('PHOTO_NOT_FOUND', {
        message: `${wanted.length - rows.length} of ${wanted.length} photos not in the account`,
      })
    }
    if (rows.some((row) => row.usedBy !== null && row.usedBy !== ref)) {
      throw new AppError('PHOTO_ALREADY_USED')
    }
  }

  /**
   * Attaches the photos to a report (work order) `ref`, after the same checks as `check`.
   * Claiming again for the same report changes nothing, so a retried report is fine. The
   * unused-photo sweep takes no account lock: a photo it deleted between the check and the
   * marking shows as unmarked afterwards, and the claim is undone rather than let a work order
   * name a missing photo.
   */
  async claim(accountNo: string, photoIds: readonly string[], ref: string): Promise<void> {
    if (photoIds.length === 0) return
    const wanted = [...new Set(photoIds)]
    await this.deps.accountLock(`repair-photos:${accountNo}`, async () => {
      await this.check(accountNo, wanted, ref)
      await this.deps.store.markUsed(accountNo, wanted, ref, this.deps.now())
      const rows = await this.deps.store.ofAccount(accountNo, wanted)
      if (rows.length !== wanted.length || rows.some((row) => row.usedBy !== ref)) {
        await this.deps.store.release(ref)
        throw new AppError('PHOTO_NOT_FOUND', { message: 'photo deleted while being claimed' })
      }
    })
  }

  /**
   * The same checks and claims for a document request `ref`, whose photos are then never read
   * back through `read` (nor listed by `urlsFor`).
   */
  readonly documents = {
    check: (accountNo: string, photoIds: readonly string[], ref?: string): Promise<void> =>
      this.check(accountNo, photoIds, ref === undefined ? undefined : DOCUMENT_REF + ref),
    claim: (accountNo: string, photoIds: readonly string[], ref: string): Promise<void> =>
      this.claim(accountNo, photoIds, DOCUMENT_REF + ref),
  }

  /** Frees whatever the report `ref` claimed: the work-order system refused it. */
  async release(ref: string): Promise<void> {
    await this.deps.store.release(ref)
  }

  /** The account's photos among `photoIds`, in that order, with where to read them. */
  async urlsFor(accountNo: string, photoIds: readonly string[]): Promise<RepairPhoto[]> {
    const rows = await this.deps.store.ofAccount(accountNo, [...new Set(photoIds)])
    const byId = new Map(rows.filter((row) => !isDocument(row)).map((row) => [row.photoId, row]))
    return photoIds.flatMap((id) => {
      const row = byId.get(id)
      return row ? [viewOf(row)] : []
    })
  }

  /** Both objects, or neither: a failed put removes whatever the other one stored. */
  private async putBoth(keys: ObjectKeys, photo: EncodedPhoto): Promise<void> {
    const { storage } = this.deps
    const puts = await Promise.allSettled([
      storage.put(keys.objectKey, photo.full, 'image/jpeg'),
      storage.put(keys.thumbKey, photo.thumb, 'image/jpeg'),
    ])
    const failed = puts.find((put) => put.status === 'rejected')
    if (failed) {
      await this.removeBoth(keys)
      throw failed.reason
    }
  }

  /** No row names these objects: a delete that fails leaves unused bytes, never a broken photo. */
  private async removeBoth(keys: ObjectKeys): Promise<void> {
    const removals = await Promise.allSettled([
      this.deps.storage.delete(keys.objectKey),
      this.deps.storage.delete(keys.thumbKey),
    ])
    for (const removal of removals) {
      if (removal.status === 'rejected') {
        this.deps.logger.warn({ err: removal.reason, keys }, 'unreferenced photo object left')
      }
    }
  }
}

function repeated(row: RepairPhotoRow, accountNo: string, digest: string): RepairPhoto {
  if (row.accountNo !== accountNo || row.uploadSha256 !== digest) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED', { message: 'upload key reused for other bytes' })
  }
  return viewOf(row)
}
