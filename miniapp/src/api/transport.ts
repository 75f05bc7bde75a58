import Taro from '@tarojs/taro'
import type { Transport } from './client'

const TIMEOUT_MS = 15_000

export const taroTransport: Transport = async ({ url, method, headers, body }) => {
  const res = await Taro.request<unknown>({
    url,
    method,
    header: headers,
    data: body,
    dataType: 'json',
    timeout: TIMEOUT_MS,
  })
  const lowerCased: Record<string, string> = {}
  for (const [key, value] of Object.entries(res.header as Record<string, unknown>)) {
    if (typeof value === 'string') lowerCased[key.toLowerCase()] = value
  }
  return { statusCode: res.statusCode, data: res.data, headers: lowerCased }
}
