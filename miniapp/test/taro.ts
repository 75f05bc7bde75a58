import * as h5 from '@tarojs/taro-h5'
import { useEffect, useRef } from 'react'

/*
 * Tests use Taro's H5 API, as the browser build does. The build's Babel plugin turns
 * `Taro.setStorageSync` into a named import; here the default export gets the named APIs.
 */

/*
 * Taro's page hooks (useDidShow, useDidHide) need a running page, which jsdom has not. Here every
 * mounted component belongs to one page that a test shows and hides with `testPage`.
 */
const pageListeners = { show: new Set<() => void>(), hide: new Set<() => void>() }

function pageHook(event: keyof typeof pageListeners) {
  return function usePageEvent(callback: () => void): void {
    const latest = useRef(callback)
    useEffect(() => {
      latest.current = callback
    })
    useEffect(() => {
      const listener = () => latest.current()
      pageListeners[event].add(listener)
      return () => void pageListeners[event].delete(listener)
    }, [])
  }
}

export const useDidShow = pageHook('show')
export const useDidHide = pageHook('hide')

export const testPage = {
  show: () => pageListeners.show.forEach((listener) => listener()),
  hide: () => pageListeners.hide.forEach((listener) => listener()),
}

const Taro = { ...h5.default, ...h5, useDidShow, useDidHide }

export * from '@tarojs/taro-h5'
export default Taro
