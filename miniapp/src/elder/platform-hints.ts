import Taro from '@tarojs/taro'
import { isLargeFontSetting, parseElderFlag, parseFlagValue } from './resolve'

/**
 * The platform's font setting. Each call is guarded: the API may be missing (H5, old base
 * libraries) or throw, and then the platform simply gives no hint.
 */
export function readPlatformLargeFont(): boolean | undefined {
  try {
    if (process.env.TARO_ENV === 'weapp' && typeof Taro.getAppBaseInfo === 'function') {
      return isLargeFontSetting(Taro.getAppBaseInfo())
    }
    if (process.env.TARO_ENV === 'alipay' && typeof Taro.getSystemInfoSync === 'function') {
      return isLargeFontSetting(Taro.getSystemInfoSync())
    }
  } catch (err) {
    console.warn('font setting unavailable', err)
  }
  return undefined
}

/** `elder=1|0` from the link that opened the app: the H5 URL or the mini-program launch query. */
export function readLinkFlag(): boolean | undefined {
  if (process.env.TARO_ENV === 'h5') {
    return typeof window === 'undefined' ? undefined : parseElderFlag(window.location.href)
  }
  try {
    const query = Taro.getLaunchOptionsSync().query as Record<string, unknown> | undefined
    return parseFlagValue(query?.elder)
  } catch {
    return undefined
  }
}
