import { z } from 'zod'
import { AccountParams } from './common'
import { FileReply, UploadedFile } from './files'
import { RepairPhotoId } from './repairs'
import { defineRoute } from './route'

/**
 * 报修照片: a resident photographs the fault before reporting it. Each photo is uploaded on its
 * own, checked by its bytes, re-encoded (no EXIF, so no GPS position) and kept for the account;
 * the report then names the photos by id. Only users bound to the account can see them.
 */

export const REPAIR_PHOTO_MAX_BYTES = 10 * 1024 * 1024
/** Larger pictures are refused before they are decoded: a small file can hold a huge image. */
export const REPAIR_PHOTO_MAX_PIXELS = 40_000_000
/**
 * Types taken from every client. HEIC (what iPhones save, and what an H5 file input may hand
 * over) is accepted and stored as JPEG like the others; the mini-programs' pickers give JPEG.
 */
export const repairPhotoMediaTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
] as const

export const RepairPhotoSize = z.enum(['full', 'thumb']).describe('thumb: about 320 px')
export type RepairPhotoSize = z.infer<typeof RepairPhotoSize>

/** Where a photo is read, under the API base (`/api/v1`) like every route path. */
export function repairPhotoPath(accountNo: string, photoId: string, size: RepairPhotoSize): string {
  const path = `/accounts/${encodeURIComponent(accountNo)}/repair-photos/${encodeURIComponent(photoId)}`
  return size === 'thumb' ? `${path}?size=thumb` : path
}

export const RepairPhoto = z.object({
  photoId: RepairPhotoId,
  /** Of the stored JPEG, after turning it upright and scaling its long edge to 2560 px at most. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().positive().describe('size of the stored JPEG'),
  url: z.string().describe('path under the API base (/api/v1); needs the session token'),
  thumbnailUrl: z.string().describe('path under the API base (/api/v1); needs the session token'),
})
export type RepairPhoto = z.infer<typeof RepairPhoto>

const common = { tag: 'repairs', auth: 'user', accountScoped: true } as const

export const uploadRepairPhoto = defineRoute({
  ...common,
  id: 'uploadRepairPhoto',
  method: 'post',
  path: '/accounts/:accountNo/repair-photos',
  summary:
    'Uploads one photo of a fault (multipart field `file`, JPEG/PNG/WebP/HEIC, 10 MB, 40 megapixels at most); it is stored re-encoded without EXIF. The same Idempotency-Key answers the same photo',
  idempotent: true,
  replay: 'resource',
  upload: {
    field: 'file',
    maxBytes: REPAIR_PHOTO_MAX_BYTES,
    mediaTypes: repairPhotoMediaTypes,
    tooLarge: 'PHOTO_TOO_LARGE',
    missing: 'PHOTO_MISSING',
  },
  params: AccountParams,
  body: z.object({ file: UploadedFile.max(REPAIR_PHOTO_MAX_BYTES) }),
  response: RepairPhoto,
})

export const getRepairPhoto = defineRoute({
  ...common,
  id: 'getRepairPhoto',
  method: 'get',
  path: '/accounts/:accountNo/repair-photos/:photoId',
  summary:
    'A photo of the account as a JPEG (`size=thumb` for the thumbnail), or a redirect to a short-lived signed address of it when object storage signs URLs',
  idempotent: false,
  download: { mediaTypes: ['image/jpeg'] },
  params: AccountParams.extend({ photoId: RepairPhotoId }),
  query: z.object({ size: RepairPhotoSize.default('full') }),
  response: FileReply,
})
