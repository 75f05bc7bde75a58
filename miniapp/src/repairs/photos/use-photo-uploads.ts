import { useCallback, useEffect, useRef, useState } from 'react'
import { randomKey } from '../../api/client'
import { toApiError } from '../../api'

/** Stores one photo with the BFF and answers its id; the key makes a retry store it once. */
export type UploadPhoto = (
  filePath: string,
  idempotencyKey: string,
  onProgress: (percent: number) => void,
) => Promise<string>

export type PhotoState = 'uploading' | 'done' | 'failed'

export interface PhotoItem {
  /** This photo on this form; also its upload's Idempotency-Key. */
  key: string
  /** The file on this phone; null for a photo restored from a draft (shown from the BFF). */
  filePath: string | null
  state: PhotoState
  /** 0–100 while uploading. */
  progress: number
  photoId: string | null
  /** Why the last try failed, in Chinese. */
  error: string | null
}

export interface PhotoUploads {
  items: readonly PhotoItem[]
  /** Adds chosen photos (as many as there is room for) and starts uploading each at once. */
  add: (filePaths: readonly string[]) => void
  retry: (key: string) => void
  remove: (key: string) => void
  /** The stored photos' ids in the order shown: what the report and the draft carry. */
  photoIds: string[]
  busy: boolean
}

const restoredItem = (photoId: string): PhotoItem => ({
  key: photoId,
  filePath: null,
  state: 'done',
  progress: 100,
  photoId,
  error: null,
})

/**
 * The report form's photos: each starts uploading as soon as it is chosen, shows its progress,
 * and on failure waits for 重试 (same key, so the BFF keeps one copy). Removing one drops it
 * from the report; a photo removed while still uploading is forgotten when its upload ends.
 */
export function usePhotoUploads(options: {
  initial: readonly string[]
  upload: UploadPhoto
  max: number
  newKey?: () => string
}): PhotoUploads {
  const { upload, max, newKey = randomKey } = options
  const [items, setItems] = useState<PhotoItem[]>(() => options.initial.map(restoredItem))
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const patch = useCallback((key: string, change: Partial<PhotoItem>) => {
    if (!mounted.current) return
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)))
  }, [])

  const start = useCallback(
    (key: string, filePath: string) => {
      patch(key, { state: 'uploading', progress: 0, error: null })
      upload(filePath, key, (progress) => patch(key, { progress })).then(
        (photoId) => patch(key, { state: 'done', progress: 100, photoId }),
        (err: unknown) => patch(key, { state: 'failed', error: toApiError(err).message }),
      )
    },
    [upload, patch],
  )

  const add = (filePaths: readonly string[]) => {
    const added = filePaths
      .slice(0, Math.max(0, max - items.length))
      .map((filePath): PhotoItem => ({
        key: newKey(),
        filePath,
        state: 'uploading',
        progress: 0,
        photoId: null,
        error: null,
      }))
    setItems((list) => [...list, ...added])
    for (const item of added) start(item.key, item.filePath ?? '')
  }

  const retry = (key: string) => {
    const item = items.find((i) => i.key === key)
    if (item?.state === 'failed' && item.filePath) start(key, item.filePath)
  }

  const remove = (key: string) => setItems((list) => list.filter((item) => item.key !== key))

  return {
    items,
    add,
    retry,
    remove,
    photoIds: items.flatMap((item) => (item.photoId ? [item.photoId] : [])),
    busy: items.some((item) => item.state === 'uploading'),
  }
}
