import koaMulter from '@koa/multer'
import multer from 'multer'
import type { FileReply, FileUpload } from '@gh/shared'
import { AppError } from '../app-error'
import { ConcurrencyLimitError, type ConcurrencyLimit } from '../concurrency-limit'
import type { AppContext } from './request-context'

/** Room for the boundaries and part headers around the one file of a form. */
const FORM_OVERHEAD_BYTES = 64 * 1024

/** What the memory storage leaves on the context for `single()`. */
interface ReceivedFile {
  buffer: Buffer
  originalname: string
  mimetype: string
}

function refusal(err: unknown, upload: FileUpload): AppError {
  if (err instanceof multer.MulterError) {
    const message = `multipart refused: ${err.code}`
    if (err.code === 'LIMIT_FILE_SIZE') return new AppError(upload.tooLarge, { message })
    const ours = err.field === upload.field
    if (err.code === 'LIMIT_FILE_COUNT' || (err.code === 'LIMIT_UNEXPECTED_FILE' && ours)) {
      return new AppError('BAD_REQUEST', { message, userMessage: '一次只能上传一个文件' })
    }
    if (err.code === 'LIMIT_UNEXPECTED_FILE') return new AppError(upload.missing, { message })
    return new AppError('BAD_REQUEST', { message })
  }
  const message = err instanceof Error ? err.message : String(err)
  // The client went away mid-body, or the form broke off ("Unexpected end of form"); anything
  // else is a form no phone sends (no boundary, a broken part header), not a cut-off photo.
  const code = BROKEN_OFF.test(message) ? 'UPLOAD_INCOMPLETE' : 'UPLOAD_MALFORMED'
  return new AppError(code, { message: `multipart: ${message.slice(0, 200)}`, cause: err })
}

const BROKEN_OFF = /^(Unexpected end of (form|file)|Request aborted|aborted)$|ECONNRESET/i

/** What an upload passes before a byte of its body is read. */
export interface UploadGate {
  /** Bodies this instance reads at once: each may hold up to `maxBytes` in memory. */
  inFlight: ConcurrencyLimit
  /** Throws when the caller may not upload now (their rate limit); reads no body. */
  admit(routeId: string, userId: string, idempotencyKey: string | undefined): Promise<void>
}

/**
 * Reads the one file of a multipart body into memory, never more of it than the route allows:
 * a body declared larger is refused before any of it is read, one that turns out larger is
 * refused as soon as it passes the limit. Answers the form as the route's body schema reads it,
 * with the file as a `File`. Called after the guards, so nobody unbound gets a byte read; with
 * `inFlight`, a body past that many being read at once is refused (503) before it is read.
 */
export async function readUpload(
  ctx: AppContext,
  upload: FileUpload,
  inFlight?: ConcurrencyLimit,
): Promise<Record<string, File>> {
  if (!inFlight) return readForm(ctx, upload)
  // Refused at once, never queued: a queue of waiting bodies would be the memory it saves.
  return inFlight
    .run(() => readForm(ctx, upload))
    .catch((err: unknown) => {
      if (!(err instanceof ConcurrencyLimitError)) throw err
      throw new AppError('UPLOAD_BUSY', { message: 'uploads in flight at the limit' })
    })
}

async function readForm(ctx: AppContext, upload: FileUpload): Promise<Record<string, File>> {
  const declared = Number(ctx.get('content-length') || 0)
  if (declared > upload.maxBytes + FORM_OVERHEAD_BYTES) {
    throw new AppError(upload.tooLarge, { message: `declared ${declared} bytes` })
  }
  const read = koaMulter({
    storage: koaMulter.memoryStorage(),
    limits: {
      files: 1,
      fileSize: upload.maxBytes,
      fields: 8,
      fieldSize: 1024,
      parts: 10,
      headerPairs: 32,
    },
  }).single(upload.field)
  try {
    await read(ctx, async () => undefined)
  } catch (err) {
    throw refusal(err, upload)
  }
  const file = (ctx as { file?: ReceivedFile }).file
  if (!file) throw new AppError(upload.missing)
  return { [upload.field]: new File([file.buffer], file.originalname, { type: file.mimetype }) }
}

/**
 * Answers a file route: the bytes or a redirect to a short-lived signed address, which nobody
 * may keep.
 */
export function sendFile(ctx: AppContext, reply: FileReply): void {
  if (reply.kind === 'redirect') {
    ctx.set('cache-control', 'no-store')
    ctx.status = 302
    ctx.set('location', reply.location)
    return
  }
  // Not kept even by the resident's browser: a shared phone's next user must not find it.
  ctx.set('cache-control', 'private, no-store')
  ctx.status = 200
  ctx.type = reply.contentType
  ctx.body = Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength)
}
