import Taro from '@tarojs/taro'
import type { Transport } from './client'
import type { DownloadTransport } from './download'

const TIMEOUT_MS = 15_000
/** A photo on a weak mobile network takes longer than a JSON request. */
export const FILE_TIMEOUT_MS = 60_000

export function lowerCaseHeaders(header: unknown): Record<string, string> {
  const lowerCased: Record<string, string> = {}
  for (const [key, value] of Object.entries((header ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string') lowerCased[key.toLowerCase()] = value
  }
  return lowerCased
}

export const taroTransport: Transport = async ({ url, method, headers, body }) => {
  const res = await Taro.request<unknown>({
    url,
    method,
    header: headers,
    data: body,
    dataType: 'json',
    timeout: TIMEOUT_MS,
  })
  return { statusCode: res.statusCode, data: res.data, headers: lowerCaseHeaders(res.header) }
}

export const taroDownloadTransport: DownloadTransport = async ({ url, headers }) => {
  const res = await Taro.downloadFile({ url, header: headers, timeout: FILE_TIMEOUT_MS })
  return { statusCode: res.statusCode, filePath: res.tempFilePath }
}
