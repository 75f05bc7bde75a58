import { randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import sharp from 'sharp'

/** A phone photo: EXIF with the camera's make and a GPS position, taken turned (orientation 6). */
export async function phoneJpeg(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'GPS Camera' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '39/1 54/1 2700/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '116/1 23/1 1800/100',
      },
    })
    .toBuffer()
}

/** A JPEG of noise, which compresses badly: about 1.5 MB at this size. */
export function noisyJpeg(width = 1200, height = 900): Promise<Buffer> {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer()
}

/** The tags of a TIFF-structured EXIF block's first IFD (IFD0). */
export function ifd0Tags(exif: Buffer): number[] {
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') === 0 ? 6 : 0)
  const little = tiff.toString('latin1', 0, 2) === 'II'
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at))
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at))
  const ifd = u32(4)
  return Array.from({ length: u16(ifd) }, (_, i) => u16(ifd + 2 + i * 12))
}

/** The EXIF tag that points at the GPS IFD. */
export const GPS_IFD_POINTER = 0x8825

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * A valid black-and-white PNG of width × height: 1 bit per pixel of zeros, which deflate
 * squeezes to a few tens of kilobytes even for 400 megapixels.
 */
export function hugePng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 1 // bit depth
  header[9] = 0 // greyscale
  const rows = Buffer.alloc(height * (1 + Math.ceil(width / 8)))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

/** One file in a multipart/form-data body, built by hand so a test can send part of it. */
export function multipart(
  bytes: Buffer,
  filename = 'photo.jpg',
  type = 'image/jpeg',
  field = 'file',
): { body: Buffer; contentType: string } {
  const boundary = `----photo${randomUUID().replace(/-/g, '')}`
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
    `Content-Type: ${type}\r\n\r\n`
  return {
    body: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  }
}

export interface RawAnswer {
  status: number
  body: string
}

/**
 * Posts a body in chunks, with no Content-Length (chunked), and takes the answer whenever it
 * comes: the server may answer and stop reading before the body is all sent.
 */
export function postChunked(
  url: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers })
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      )
    })
    // Writing on after the answer may hit a closed socket; the answer is what counts.
    req.on('error', (err) => (req.writableEnded ? undefined : reject(err)))
    const step = 256 * 1024
    let offset = 0
    const next = (): void => {
      while (offset < body.length) {
        const more = req.write(body.subarray(offset, offset + step))
        offset += step
        if (!more) {
          req.once('drain', next)
          return
        }
      }
      req.end()
    }
    next()
  })
}

/**
 * Sends the headers and the first half of the body, waits until the server has had some of it,
 * then drops the connection, as a phone losing its network mid-upload does.
 */
export async function abortMidway(
  url: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<void> {
  const held = await holdMidway(url, headers, body)
  await new Promise((resolve) => setTimeout(resolve, 100))
  held.drop()
}

/** Sends the headers and the first half of the body and keeps the upload open until `drop`. */
export async function holdMidway(
  url: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<{ drop(): void; readonly answered: number | undefined }> {
  const req = http.request(url, {
    method: 'POST',
    headers: { ...headers, 'content-length': String(body.length) },
  })
  req.on('error', () => undefined)
  // Answered before its body is whole: refused (e.g. busy), so it holds nothing.
  let answered: number | undefined
  req.on('response', (res) => {
    answered = res.statusCode
    res.resume()
  })
  await new Promise<void>((resolve) =>
    req.write(body.subarray(0, body.length >> 1), () => resolve()),
  )
  return {
    drop: () => req.destroy(),
    get answered() {
      return answered
    },
  }
}

/** Every file under the storage directory (temporary ones included), relative to it. */
export function storedFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => fs.statSync(path.join(dir, name)).isFile())
    .sort()
}

/** Polls until `check` holds or the time is up. */
export async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const giveUpAt = Date.now() + ms
  while (!check()) {
    if (Date.now() > giveUpAt) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
