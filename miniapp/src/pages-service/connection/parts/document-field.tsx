import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { a11y } from '../../../a11y'
import { pickPhotos } from '../../../repairs/photos/pick'
import type { PhotoUploads } from '../../../repairs/photos/use-photo-uploads'

/**
 * One document's photo (房产证, 身份证): chosen, uploaded with its progress, 重试 on failure. The
 * photo is never shown again after it is sent, so the field says only whether it went.
 */
export function DocumentField(props: { label: string; photos: PhotoUploads }) {
  const { label, photos } = props
  const item = photos.items[0]
  const choose = () => {
    pickPhotos(1).then(
      (paths) => {
        if (item) photos.remove(item.key)
        photos.add(paths)
      },
      () => void Taro.showToast({ title: '没能打开相册或相机，请再试一次', icon: 'none' }),
    )
  }
  const status = !item
    ? '未上传'
    : item.state === 'uploading'
      ? `上传中 ${item.progress}%`
      : item.state === 'failed'
        ? `上传失败：${item.error ?? '请重试'}`
        : '✓ 已上传'
  const action = item?.state === 'failed' ? '重试' : item ? '重新拍照' : '拍照或选择照片'
  return (
    <View className="doc-field">
      <Text className="doc-field__label">{label}</Text>
      <Text className="doc-field__status">{status}</Text>
      <View
        className="doc-field__button main-control"
        onClick={item?.state === 'failed' ? () => photos.retry(item.key) : choose}
        {...a11y(`${action}：${label}，${status}`, 'button')}
      >
        <Text>{action}</Text>
      </View>
    </View>
  )
}
