import { act, renderHook } from '@testing-library/react'
import { ApiError } from '../../api'
import { usePhotoUploads } from './use-photo-uploads'
import type { UploadPhoto } from './use-photo-uploads'

/** An upload the test finishes by hand, remembering each try's key. */
function manualUpload() {
  const tries: { filePath: string; key: string; progress: (p: number) => void }[] = []
  const pending: { resolve: (id: string) => void; reject: (e: unknown) => void }[] = []
  const upload: UploadPhoto = (filePath, key, progress) => {
    tries.push({ filePath, key, progress })
    return new Promise((resolve, reject) => pending.push({ resolve, reject }))
  }
  return { upload, tries, pending }
}

let keys = 0
const newKey = () => `photo-key-${++keys}`

test('when photos are chosen, then each uploads at once and shows its progress until stored', async () => {
  const fake = manualUpload()
  const { result } = renderHook(() =>
    usePhotoUploads({ initial: [], upload: fake.upload, max: 6, newKey }),
  )
  act(() => result.current.add(['blob:a', 'blob:b']))
  expect(fake.tries.map((t) => t.filePath)).toEqual(['blob:a', 'blob:b'])
  expect(result.current.busy).toBe(true)

  act(() => fake.tries[0]?.progress(40))
  expect(result.current.items[0]).toMatchObject({ state: 'uploading', progress: 40 })

  await act(async () => fake.pending[0]?.resolve('ph_a'))
  await act(async () => fake.pending[1]?.resolve('ph_b'))
  expect(result.current.photoIds).toEqual(['ph_a', 'ph_b'])
  expect(result.current.busy).toBe(false)
})

test('when an upload fails, then it says why and 重试 sends the same photo with the same key', async () => {
  const fake = manualUpload()
  const { result } = renderHook(() =>
    usePhotoUploads({ initial: [], upload: fake.upload, max: 6, newKey }),
  )
  act(() => result.current.add(['blob:a']))
  await act(async () => fake.pending[0]?.reject(new ApiError({ code: 'NETWORK_ERROR' })))
  expect(result.current.items[0]).toMatchObject({
    state: 'failed',
    error: '网络连接失败，请检查网络后重试',
  })

  const key = result.current.items[0]?.key ?? ''
  act(() => result.current.retry(key))
  expect(fake.tries[1]).toMatchObject({ filePath: 'blob:a', key: fake.tries[0]?.key })
  await act(async () => fake.pending[1]?.resolve('ph_a'))
  expect(result.current.photoIds).toEqual(['ph_a'])
})

test('when more photos are chosen than there is room for, then only up to the limit are kept', () => {
  const fake = manualUpload()
  const { result } = renderHook(() =>
    usePhotoUploads({
      initial: ['ph_1', 'ph_2', 'ph_3', 'ph_4', 'ph_5'],
      upload: fake.upload,
      max: 6,
      newKey,
    }),
  )
  act(() => result.current.add(['blob:x', 'blob:y']))
  expect(result.current.items).toHaveLength(6)
  expect(fake.tries.map((t) => t.filePath)).toEqual(['blob:x'])
})

test('when a photo is removed while it uploads, then it stays out of the report when the upload ends', async () => {
  const fake = manualUpload()
  const { result } = renderHook(() =>
    usePhotoUploads({ initial: ['ph_kept'], upload: fake.upload, max: 6, newKey }),
  )
  act(() => result.current.add(['blob:a']))
  const key = result.current.items[1]?.key ?? ''
  act(() => result.current.remove(key))
  await act(async () => fake.pending[0]?.resolve('ph_a'))
  expect(result.current.photoIds).toEqual(['ph_kept'])
})
