/** An object as stored: its bytes and the content type it was put with. */
export interface StoredObject {
  bytes: Buffer
  contentType: string
}

/**
 * Where files (repair photos, documents) are kept: local disk by default, S3-compatible object
 * storage in production. Keys are relative paths such as `repair-photos/abc.jpg`. A failure of
 * the store itself throws AppError STORAGE_UNAVAILABLE; a missing object is `null` or `false`.
 */
export interface ObjectStorage {
  /** Replaces any object under the key; the object is either stored whole or not at all. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>
  get(key: string): Promise<StoredObject | null>
  /** Removing a missing object is not an error. */
  delete(key: string): Promise<void>
  exists(key: string): Promise<boolean>
  /**
   * A URL anyone holding it may fetch the object from for `ttlSeconds`; present only when the
   * store is configured to sign, otherwise the BFF serves the bytes itself.
   */
  signedUrl?(key: string, ttlSeconds: number): Promise<string>
}

/** Letters, digits, `_ . -` in `/`-separated segments, none empty or starting with a dot. */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/

/** Keys come from our own code, never from a caller; a bad one is a bug, refused loudly. */
export function assertValidKey(key: string): void {
  const segments = key.split('/')
  if (key.length > 512 || !segments.every((s) => SEGMENT.test(s))) {
    throw new Error(`invalid storage key: ${JSON.stringify(key)}`)
  }
}

/** A store as the composition root holds it: the features see only ObjectStorage. */
export interface OpenStorage extends ObjectStorage {
  /** Lets go of the store's connections. */
  close(): void
}
