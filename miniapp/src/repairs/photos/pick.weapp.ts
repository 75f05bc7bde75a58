import Taro from '@tarojs/taro'
import { isCancel, MAX_SIDE_PX } from './types'
import type { PickPhotos } from './types'

/** WeChat: chooseMedia (chooseImage is deprecated there), then compressImage per photo. */
export const pickPhotos: PickPhotos = async (count) => {
  let chosen: Taro.chooseMedia.SuccessCallbackResult
  try {
    chosen = await Taro.chooseMedia({
      count,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
    })
  } catch (err) {
    if (isCancel(err)) return []
    throw err
  }
  return Promise.all(chosen.tempFiles.slice(0, count).map((f) => compress(f.tempFilePath)))
}

async function compress(src: string): Promise<string> {
  try {
    const { width, height } = await Taro.getImageInfo({ src })
    // Only a photo larger than needed is scaled: compressImage would also enlarge a small one.
    const size =
      Math.max(width, height) <= MAX_SIDE_PX
        ? {}
        : width >= height
          ? { compressedWidth: MAX_SIDE_PX }
          : { compressedHeight: MAX_SIDE_PX }
    const { tempFilePath } = await Taro.compressImage({ src, quality: 70, ...size })
    return tempFilePath
  } catch (err) {
    // An older base library without compressImage: the chosen (already 'compressed') photo.
    console.warn('compressImage failed, uploading the chosen photo', err)
    return src
  }
}
