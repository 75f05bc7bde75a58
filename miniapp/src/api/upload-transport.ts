import Taro from '@tarojs/taro'
import { FILE_TIMEOUT_MS, lowerCaseHeaders } from './transport'
import type { UploadTransport } from './upload'

/*
 * The mini-programs upload with Taro.uploadFile; H5 has its own (upload-transport.h5.ts, which
 * Taro's build picks by TARO_ENV). This file is also what TypeScript and Jest see.
 */

/** Options Taro's typings leave out: Alipay's my.uploadFile needs the file's kind. */
type UploadOption = Taro.uploadFile.Option & { fileType?: 'image' }

/** Past this, an upload that never answered (nor failed) counts as interrupted. */
const GIVE_UP_MS = FILE_TIMEOUT_MS + 5_000

export const uploadTransport: UploadTransport = async (request) => {
  const option: UploadOption = {
    url: request.url,
    filePath: request.filePath,
    name: request.field,
    header: request.headers,
    timeout: FILE_TIMEOUT_MS,
    ...(process.env.TARO_ENV === 'alipay' ? { fileType: 'image' as const } : {}),
  }
  const task = Taro.uploadFile(option)
  const { onProgress } = request
  // Not every base library hands back the task's progress events; the upload works without.
  if (onProgress && typeof task.onProgressUpdate === 'function') {
    task.onProgressUpdate((p) => onProgress(p.progress))
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  const gaveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      if (typeof task.abort === 'function') task.abort()
      reject(new Error('upload gave no answer'))
    }, GIVE_UP_MS)
  })
  try {
    const res = await Promise.race([task, gaveUp])
    return { statusCode: res.statusCode, data: res.data, headers: lowerCaseHeaders(res.header) }
  } finally {
    clearTimeout(timer)
  }
}
