import { routes } from '@gh/shared'
import type { AppInfo } from '@gh/shared'
import Taro from '@tarojs/taro'
import { request } from '../api'
import { useQuery } from '../hooks/use-query'

/** The service's public facts (客服电话 first), shown on the home page and on 我的. */
export function useAppInfo() {
  return useQuery<AppInfo>(['public', 'appInfo'], () => request(routes.getAppInfo))
}

export function callServicePhone(phone: string): void {
  Taro.makePhoneCall({ phoneNumber: phone }).catch((err: unknown) => {
    // Cancelling the system dialog also lands here; nothing to tell the resident.
    console.warn('makePhoneCall did not complete', err)
  })
}
