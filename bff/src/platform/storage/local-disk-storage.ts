import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { AppError } from '../app-error'
import { assertValidKey, type OpenStorage, type StoredObject } from './object-storage'

const TYPES_BY_EXTENSION: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
}

const typeOfKey = (key: string): string | undefined =>
  TYPES_BY_EXTENSION[path.extname(key).toLowerCase()]

const isMissing = (err: unknown) => (err as { code?: unknown } | null)?.code === 'ENOENT'

function unavailable(operation: string, err: unknown): AppError {
  return new AppError('STORAGE_UNAVAILABLE', { message: `local storage ${operation}`, cause: err })
}

/**
 * Objects as plain files under one directory (development, a single instance). The disk keeps no
 * metadata, so an object's content type is read back from its key's extension: a key must end in
 * the extension of the type it is put with. A write goes to a file in `.tmp/` (same disk) and is
 * renamed into place once flushed, so a write cut short leaves no part of a file under its key;
 * what it leaves in `.tmp/` is never read (keys cannot start with a dot) and may be deleted.
 */
export class LocalDiskStorage implements OpenStorage {
  private readonly tmpDir: string

  constructor(private readonly dir: string) {
    this.tmpDir = path.join(dir, '.tmp')
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const file = this.fileOf(key)
    if (typeOfKey(key) !== contentType) {
      throw new Error(`local storage keeps ${contentType} under its extension, not as ${key}`)
    }
    const tmp = path.join(this.tmpDir, randomUUID())
    try {
      await fs.mkdir(this.tmpDir, { recursive: true })
      await fs.mkdir(path.dirname(file), { recursive: true })
      const handle = await fs.open(tmp, 'wx')
      try {
        await handle.writeFile(bytes)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await fs.rename(tmp, file)
    } catch (err) {
      await fs.rm(tmp, { force: true }).catch(() => undefined)
      throw unavailable('put', err)
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const file = this.fileOf(key)
    try {
      const bytes = await fs.readFile(file)
      return { bytes, contentType: typeOfKey(key) ?? 'application/octet-stream' }
    } catch (err) {
      if (isMissing(err)) return null
      throw unavailable('get', err)
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await fs.rm(this.fileOf(key), { force: true })
    } catch (err) {
      throw unavailable('delete', err)
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await fs.stat(this.fileOf(key))).isFile()
    } catch (err) {
      if (isMissing(err)) return false
      throw unavailable('exists', err)
    }
  }

  close(): void {}

  private fileOf(key: string): string {
    assertValidKey(key)
    return path.join(this.dir, ...key.split('/'))
  }
}
