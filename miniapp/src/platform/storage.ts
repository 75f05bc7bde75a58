import Taro from '@tarojs/taro'

/** The few synchronous storage calls the app needs; a port so tests can pass a Map. */
export interface KeyValueStore {
  get(key: string): string | undefined
  set(key: string, value: string): void
  remove(key: string): void
}

/** Storage can throw (quota, private mode on H5); losing a preference must not break a page. */
export const taroStore: KeyValueStore = {
  get(key) {
    try {
      const value: unknown = Taro.getStorageSync(key)
      return typeof value === 'string' && value !== '' ? value : undefined
    } catch {
      return undefined
    }
  },
  set(key, value) {
    try {
      Taro.setStorageSync(key, value)
    } catch (err) {
      console.warn('storage write failed', key, err)
    }
  },
  remove(key) {
    try {
      Taro.removeStorageSync(key)
    } catch (err) {
      console.warn('storage remove failed', key, err)
    }
  },
}

export function memoryStore(initial: Record<string, string> = {}): KeyValueStore {
  const map = new Map(Object.entries(initial))
  return {
    get: (key) => map.get(key),
    set: (key, value) => void map.set(key, value),
    remove: (key) => void map.delete(key),
  }
}
