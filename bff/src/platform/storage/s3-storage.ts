import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { AppError } from '../app-error'
import { assertValidKey, type OpenStorage, type StoredObject } from './object-storage'

export interface S3Settings {
  /** Null: AWS itself. Otherwise e.g. https://oss-cn-hangzhou.aliyuncs.com. */
  endpoint: string | null
  /** Where clients reach the store, when the BFF talks to an internal endpoint. */
  publicEndpoint: string | null
  region: string
  bucket: string
  forcePathStyle: boolean
  /** Null: the SDK's default chain (environment, instance role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null
  /** Above 0, reads are handed out as URLs signed for this long. */
  signedUrlSeconds: number
  timeoutMs: number
}

function clientOf(settings: S3Settings, endpoint: string | null): S3Client {
  const config: S3ClientConfig = {
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    // The SDK's default CRC checksums (aws-chunked uploads) are refused by several
    // S3-compatible stores (阿里云 OSS, 腾讯云 COS among them); send them only where required.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    requestHandler: {
      connectionTimeout: Math.min(settings.timeoutMs, 5_000),
      requestTimeout: settings.timeoutMs,
    },
    ...(endpoint ? { endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
  }
  return new S3Client(config)
}

/** The store answered "no such object" (GetObject: NoSuchKey, HeadObject: a bare 404). */
function isNotFound(err: unknown): boolean {
  const { name, $metadata } = (err ?? {}) as {
    name?: unknown
    $metadata?: { httpStatusCode?: unknown }
  }
  return name === 'NoSuchKey' || name === 'NotFound' || $metadata?.httpStatusCode === 404
}

function unavailable(operation: string, err: unknown): AppError {
  return new AppError('STORAGE_UNAVAILABLE', { message: `s3 ${operation}`, cause: err })
}

/**
 * Objects in one bucket of any S3-compatible store: AWS S3, 阿里云 OSS and 腾讯云 COS through
 * their S3 endpoints, MinIO. The SDK retries what is safe to retry; whatever still fails is
 * STORAGE_UNAVAILABLE.
 */
export class S3Storage implements OpenStorage {
  readonly signedUrl?: (key: string, ttlSeconds: number) => Promise<string>
  private readonly client: S3Client
  private readonly signer: S3Client | undefined
  private readonly bucket: string

  constructor(settings: S3Settings) {
    this.bucket = settings.bucket
    this.client = clientOf(settings, settings.endpoint)
    if (settings.signedUrlSeconds > 0) {
      const signer = settings.publicEndpoint
        ? clientOf(settings, settings.publicEndpoint)
        : this.client
      this.signer = signer === this.client ? undefined : signer
      this.signedUrl = (key, ttlSeconds) => {
        assertValidKey(key)
        const command = new GetObjectCommand({ Bucket: this.bucket, Key: key })
        return getSignedUrl(signer, command, { expiresIn: ttlSeconds })
      }
    }
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    assertValidKey(key)
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: bytes,
          ContentType: contentType,
          ContentLength: bytes.byteLength,
        }),
      )
    } catch (err) {
      throw unavailable('put', err)
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    assertValidKey(key)
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }))
      const body = await res.Body?.transformToByteArray()
      if (!body) throw new Error('object without a body')
      return {
        bytes: Buffer.from(body.buffer, body.byteOffset, body.byteLength),
        contentType: res.ContentType ?? 'application/octet-stream',
      }
    } catch (err) {
      if (isNotFound(err)) return null
      throw unavailable('get', err)
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key)
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }))
    } catch (err) {
      if (isNotFound(err)) return
      throw unavailable('delete', err)
    }
  }

  async exists(key: string): Promise<boolean> {
    assertValidKey(key)
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }))
      return true
    } catch (err) {
      if (isNotFound(err)) return false
      throw unavailable('exists', err)
    }
  }

  close(): void {
    this.client.destroy()
    this.signer?.destroy()
  }
}
