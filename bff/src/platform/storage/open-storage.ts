import type { Config } from '../config'
import { LocalDiskStorage } from './local-disk-storage'
import type { OpenStorage } from './object-storage'
import { S3Storage } from './s3-storage'

/** The configured store, built once by the composition root. */
export function openStorage(storage: Config['storage']): OpenStorage {
  return storage.driver === 's3' ? new S3Storage(storage.s3) : new LocalDiskStorage(storage.dir)
}
