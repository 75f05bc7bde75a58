import Taro from '@tarojs/taro'
import { keepLocalFile } from '../../platform/local-files'
import { isCancel, MAX_SIDE_PX } from './types'
import type { PickPhotos } from './types'

const JPEG_QUALITY = 0.8

/**
 * H5: Taro's chooseImage is a file input (the camera on a phone); each photo is drawn smaller
 * on a canvas and re-encoded as JPEG, and kept by its blob: URL for showing and uploading.
 */
export const pickPhotos: PickPhotos = async (count) => {
  let chosen: Taro.chooseImage.SuccessCallbackResult
  try {
    chosen = await Taro.chooseImage({ count, sourceType: ['album', 'camera'] })
  } catch (err) {
    if (isCancel(err)) return []
    throw err
  }
  // The browser's file dialog takes any number when several are allowed.
  const files = chosen.tempFiles.slice(0, count)
  return Promise.all(files.map((f) => downscale(f.path, f.originalFileObj)))
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image()
    image.onload = () => resolve(image)
    image.onerror = () => reject(new Error('the photo could not be read'))
    image.src = url
  })
}

/** A smaller JPEG of the photo; the photo as chosen when the browser cannot draw it. */
async function downscale(url: string, original: File | undefined): Promise<string> {
  let kept: string
  try {
    kept = keepLocalFile(await redrawn(url))
  } catch (err) {
    console.warn('photo not downscaled, uploading it as chosen', err)
    if (!original) return url
    kept = keepLocalFile(original)
  }
  URL.revokeObjectURL(url)
  return kept
}

async function redrawn(url: string): Promise<Blob> {
  const image = await loadImage(url)
  const scale = Math.min(1, MAX_SIDE_PX / Math.max(image.naturalWidth, image.naturalHeight, 1))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(image.naturalWidth * scale))
  canvas.height = Math.max(1, Math.round(image.naturalHeight * scale))
  const context = canvas.getContext('2d')
  if (!context) throw new Error('no 2d canvas')
  context.drawImage(image, 0, 0, canvas.width, canvas.height)
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY),
  )
  if (!blob) throw new Error('the canvas made no JPEG')
  return blob
}
