import { useEffect } from 'react'
import { useAppInfo } from '../app-info'
import { taroStore } from '../platform/storage'

const STORAGE_KEY = 'gh.emergencyPhone'

export interface EmergencyPhone {
  /** The 24-hour line; undefined until it is known. */
  phone: string | undefined
  /** True when it could not be fetched and none was remembered. */
  failed: boolean
  retry: () => void
}

/**
 * The 24-hour 抢修 line, from the app's public facts (客服电话 is staffed round the clock). It is
 * remembered on the phone, so a leak on a day with no network still shows a number to call.
 */
export function useEmergencyPhone(): EmergencyPhone {
  const { state, retry } = useAppInfo()
  const fetched = state.status === 'success' ? state.data.servicePhone : undefined
  useEffect(() => {
    if (fetched) taroStore.set(STORAGE_KEY, fetched)
  }, [fetched])
  const phone = fetched ?? taroStore.get(STORAGE_KEY)
  return { phone, failed: phone === undefined && state.status === 'error', retry }
}
