import type * as FileType from 'file-type'
import sharp, { type Metadata } from 'sharp'
import { REPAIR_PHOTO_MAX_PIXELS, repairPhotoMediaTypes } from '@gh/shared'
import { AppError } from '../../platform/app-error'

/** The stored photo's long edge: enough to read a meter or see a crack, far below a phone's. */
const LONG_EDGE = 2560
const THUMB_EDGE = 320

export interface EncodedPhoto {
  /** Upright JPEG, sRGB, no metadata at all (EXIF, GPS, XMP, ICC). */
  full: Buffer
  thumb: Buffer
  width: number
  height: number
}

const HEIF_TYPES: readonly string[] = ['image/heic', 'image/heif']

/**
 * The sharp builds published on npm read HEIC headers but carry no HEVC decoder (a patent
 * matter), so HEIC is taken only from a libvips built with one, which lists `.heic` among what
 * it loads; otherwise the resident is told to send a JPEG rather than getting a broken image.
 */
export const heicDecodes = (sharp.format.heif?.input.fileSuffix ?? []).includes('.heic')

/** The format sharp must find inside a file whose first bytes say the given type. */
const SHARP_FORMAT: Record<string, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heif',
  'image/heif': 'heif',
}

// file-type is published as ES modules only; it is loaded once, on the first upload.
let fileTypeModule: Promise<typeof FileType> | undefined
const fileType = () => (fileTypeModule ??= import('file-type'))

async function sniff(bytes: Buffer): Promise<string | undefined> {
  const { fileTypeFromBuffer } = await fileType()
  return (await fileTypeFromBuffer(bytes))?.mime
}

function refuse(code: 'PHOTO_TYPE_NOT_ALLOWED' | 'PHOTO_UNREADABLE', why: string): AppError {
  return new AppError(code, { message: why })
}

/**
 * Checks an upload by its bytes and re-encodes it. The type must show in the magic bytes and
 * sharp must read the same format inside, so a script named `.jpg` or a file that only starts
 * like an image is refused. The pixel count is checked from the header before anything is
 * decoded: a few kilobytes of PNG can describe gigabytes of pixels. Re-encoding turns the photo
 * upright by its EXIF orientation and writes no metadata, so the phone's GPS position is gone.
 */
export async function reencodePhoto(bytes: Buffer): Promise<EncodedPhoto> {
  const type = await sniff(bytes)
  if (type && HEIF_TYPES.includes(type) && !heicDecodes) {
    throw new AppError('PHOTO_HEIC_NOT_SUPPORTED', { message: 'no HEVC decoder in this build' })
  }
  const accepted = (repairPhotoMediaTypes as readonly string[]).includes(type ?? '')
  if (!type || !(accepted || HEIF_TYPES.includes(type))) {
    throw refuse('PHOTO_TYPE_NOT_ALLOWED', `magic bytes say ${type ?? 'nothing known'}`)
  }
  const options = { limitInputPixels: REPAIR_PHOTO_MAX_PIXELS, failOn: 'error' } as const
  let meta: Metadata
  try {
    // The header alone, so an oversized picture is told apart from a broken one below.
    meta = await sharp(bytes, { ...options, limitInputPixels: false }).metadata()
  } catch (err) {
    throw new AppError('PHOTO_UNREADABLE', { message: 'no image header', cause: err })
  }
  if (meta.format !== SHARP_FORMAT[type]) {
    throw refuse('PHOTO_TYPE_NOT_ALLOWED', `${type} by its first bytes, ${meta.format} inside`)
  }
  const { width, height } = meta
  if (!width || !height) throw refuse('PHOTO_UNREADABLE', 'no dimensions')
  if (width * height > REPAIR_PHOTO_MAX_PIXELS) {
    throw new AppError('PHOTO_TOO_MANY_PIXELS', { message: `${width}×${height}` })
  }
  try {
    const encoded = await sharp(bytes, options)
      .rotate()
      .resize({ width: LONG_EDGE, height: LONG_EDGE, fit: 'inside', withoutEnlargement: true })
      // JPEG has no transparency: what was transparent in a PNG or WebP turns white, not black.
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true })
    const thumb = await sharp(encoded.data)
      .resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 72 })
      .toBuffer()
    const { width: w, height: h } = encoded.info
    return { full: encoded.data, thumb, width: w, height: h }
  } catch (err) {
    throw new AppError('PHOTO_UNREADABLE', { message: 'could not decode', cause: err })
  }
}
