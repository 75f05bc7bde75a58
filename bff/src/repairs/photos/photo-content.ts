import type * as FileType from 'file-type'
import type heic from 'heic-decode'
import sharp, { type Metadata, type Sharp } from 'sharp'
import { REPAIR_PHOTO_MAX_PIXELS, repairPhotoMediaTypes } from '@gh/shared'
import { AppError } from '../../platform/app-error'
import { ConcurrencyLimit, ConcurrencyLimitError } from '../../platform/concurrency-limit'
import type { Logger } from '../../platform/logger'

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

/**
 * iPhones save HEIC. The sharp builds published on npm carry no HEVC decoder (a patent
 * matter), so these are decoded by libheif compiled to WebAssembly (heic-decode) instead.
 */
const HEIF_TYPES: readonly string[] = ['image/heic', 'image/heif']

/**
 * libheif's WebAssembly decodes on the main thread, holding the event loop for the whole
 * picture, and a 40-megapixel one is 160 MB of RGBA until sharp has re-encoded it. So one HEIC
 * is decoded at a time on an instance, a few wait their turn, and more are told to retry
 * (UPLOAD_BUSY) rather than piling up.
 */
const heicDecoding = new ConcurrencyLimit({ maxInFlight: 1, maxQueue: 4, queueTimeoutMs: 20_000 })

/** A decode that held the event loop longer than this is logged, so it does not go unnoticed. */
const SLOW_DECODE_MS = 500

/** The format sharp must find inside a file whose first bytes say the given type. */
const SHARP_FORMAT: Record<string, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
}

// file-type is published as ES modules only; it is loaded once, on the first upload.
let fileTypeModule: Promise<typeof FileType> | undefined
const fileType = () => (fileTypeModule ??= import('file-type'))

// libheif's WebAssembly is a few megabytes: loaded on the first HEIC, not at start-up.
let heicModule: Promise<typeof heic> | undefined
const heicDecode = () => (heicModule ??= import('heic-decode').then((loaded) => loaded.default))

async function sniff(bytes: Buffer): Promise<string | undefined> {
  const { fileTypeFromBuffer } = await fileType()
  return (await fileTypeFromBuffer(bytes))?.mime
}

function refuse(code: 'PHOTO_TYPE_NOT_ALLOWED' | 'PHOTO_UNREADABLE', why: string): AppError {
  return new AppError(code, { message: why })
}

/**
 * Checks an upload by its bytes and re-encodes it. The type must show in the magic bytes and
 * the decoder must read the same format inside, so a script named `.jpg` or a file that only
 * starts like an image is refused. The pixel count is checked from the header before anything
 * is decoded: a few kilobytes of PNG can describe gigabytes of pixels. Re-encoding turns the
 * photo upright by its EXIF orientation and writes no metadata, so the phone's GPS position is
 * gone. `logger` hears of a HEIC decode that held the event loop long.
 */
export async function reencodePhoto(bytes: Buffer, logger?: Logger): Promise<EncodedPhoto> {
  const type = await sniff(bytes)
  if (type && HEIF_TYPES.includes(type)) return reencodeHeic(bytes, logger)
  const accepted = (repairPhotoMediaTypes as readonly string[]).includes(type ?? '')
  if (!type || !accepted) {
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
  assertPixels(meta.width, meta.height)
  return encode(sharp(bytes, options).rotate())
}

/**
 * A HEIC by libheif: the container is read first and gives the primary image's size, so an
 * oversized one is refused before a pixel is decoded; the decoded RGBA then goes the JPEG way.
 * libheif has already turned the picture upright (the container's rotation and mirroring),
 * and raw pixels carry no metadata, so nothing of the phone's EXIF reaches the stored photo.
 */
async function reencodeHeic(bytes: Buffer, logger: Logger | undefined): Promise<EncodedPhoto> {
  const decode = await heicDecode()
  try {
    return await heicDecoding.run(async () => {
      let images: heic.LazyImages
      try {
        images = await decode.all({ buffer: bytes })
      } catch (err) {
        throw new AppError('PHOTO_UNREADABLE', { message: 'no HEIF image inside', cause: err })
      }
      try {
        // The first image is the one heic-decode itself takes for the picture.
        const [primary] = images
        if (!primary) throw refuse('PHOTO_UNREADABLE', 'no image in the HEIF file')
        assertPixels(primary.width, primary.height)
        const started = performance.now()
        let pixels: heic.DecodedImage
        try {
          pixels = await primary.decode()
        } catch (err) {
          throw new AppError('PHOTO_UNREADABLE', { message: 'HEIC did not decode', cause: err })
        }
        const decodeMs = Math.round(performance.now() - started)
        if (decodeMs > SLOW_DECODE_MS) {
          logger?.warn({ decodeMs, pixels: pixels.width * pixels.height }, 'slow HEIC decode')
        }
        const { width, height, data } = pixels
        const raw = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
        return await encode(sharp(raw, { raw: { width, height, channels: 4 } }))
      } finally {
        images.dispose()
      }
    })
  } catch (err) {
    if (!(err instanceof ConcurrencyLimitError)) throw err
    throw new AppError('UPLOAD_BUSY', { message: 'HEIC decodes at the limit' })
  }
}

function assertPixels(width: number | undefined, height: number | undefined): void {
  if (!width || !height) throw refuse('PHOTO_UNREADABLE', 'no dimensions')
  if (width * height > REPAIR_PHOTO_MAX_PIXELS) {
    throw new AppError('PHOTO_TOO_MANY_PIXELS', { message: `${width}×${height}` })
  }
}

/** The stored JPEG and its thumbnail from a decodable picture, already upright. */
async function encode(image: Sharp): Promise<EncodedPhoto> {
  try {
    const encoded = await image
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
