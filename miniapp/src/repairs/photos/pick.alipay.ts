import Taro from '@tarojs/taro'
import { isCancel } from './types'
import type { PickPhotos } from './types'

/** What my.compressImage takes and answers: Alipay's own shape, not WeChat's `src`. */
interface AlipayCompress {
  (option: { apFilePaths: string[]; compressLevel: number }): Promise<{ apFilePaths?: string[] }>
}

/** Alipay: chooseImage (its chooseMedia is newer than many base libraries), then compressImage. */
export const pickPhotos: PickPhotos = async (count) => {
  let paths: string[]
  try {
    const chosen = await Taro.chooseImage({
      count,
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
    })
    paths = chosen.tempFilePaths.slice(0, count)
  } catch (err) {
    if (isCancel(err)) return []
    throw err
  }
  // Taro passes the options through to my.compressImage unchanged; its typings are WeChat's.
  const compress = Taro.compressImage as unknown as AlipayCompress
  try {
    // compressLevel 4: Alipay's "according to the network" setting, smaller on a slow one.
    const { apFilePaths } = await compress({ apFilePaths: paths, compressLevel: 4 })
    return apFilePaths && apFilePaths.length === paths.length ? apFilePaths : paths
  } catch (err) {
    console.warn('compressImage failed, uploading the chosen photos', err)
    return paths
  }
}
