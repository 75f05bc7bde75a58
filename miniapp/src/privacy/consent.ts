import { PRIVACY_POLICY_VERSION } from '@gh/shared'
import { taroStore, type KeyValueStore } from '../platform/storage'

const KEY = 'privacy-consent-version'

/** Whether this device's resident agreed to the current 用户协议 and 隐私政策. */
export function hasConsented(store: KeyValueStore = taroStore): boolean {
  return store.get(KEY) === PRIVACY_POLICY_VERSION
}

export function recordConsent(store: KeyValueStore = taroStore): void {
  store.set(KEY, PRIVACY_POLICY_VERSION)
}

export function withdrawConsent(store: KeyValueStore = taroStore): void {
  store.remove(KEY)
}
