import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { a11y } from '../../../a11y'
import { pickPhotos } from '../../../repairs/photos/pick'
import type { PhotoUploads } from '../../../repairs/photos/use-photo-uploads'

/**
 * Photos of one document (房产证, 身份证), uploaded through the 报修 photo path as soon as they
 * are chosen. They are never shown back, not even here: each is a line with its state, so an ID
 * card does not sit on the screen for anyone looking over the resident's shoulder.
 */
export function DocumentPhotos(props: { title: string; photos: PhotoUploads; max: number }) {
  const { title, photos, max } = props
  const choose = () => {
    pickPhotos(max - photos.items.length).then(
      (paths) => photos.add(paths),
      (err: unknown) => {
        console.warn('choosing a photo failed', err)
        void Taro.showToast({ title: '没能打开相册或相机，请再试一次', icon: 'none' })
      },
    )
  }
  const done = photos.items.filter((p) => p.state === 'done').length
  return (
    <View className="change-docs">
      <Text className="change-docs__title">{title}</Text>
      <Text className="change-docs__count" {...a11y(undefined, 'status')}>
        {done > 0 ? `已上传 ${done} 张` : '还没有上传'}
      </Text>
      {photos.items.map((item, i) => {
        const status =
          item.state === 'uploading'
            ? `上传中 ${item.progress}%`
            : item.state === 'failed'
              ? `上传失败：${item.error ?? ''}`
              : '已上传'
        return (
          <View key={item.key} className="change-docs__item">
            <Text className="change-docs__status">{`第${i + 1}张：${status}`}</Text>
            {item.state === 'failed' ? (
              <View
                className="change-docs__button"
                onClick={() => photos.retry(item.key)}
                {...a11y(`重新上传${title}第${i + 1}张`, 'button')}
              >
                <Text>重试</Text>
              </View>
            ) : null}
            <View
              className="change-docs__button"
              onClick={() => photos.remove(item.key)}
              {...a11y(`删除${title}第${i + 1}张`, 'button')}
            >
              <Text>删除</Text>
            </View>
          </View>
        )
      })}
      {photos.items.length < max ? (
        <View
          className="change-docs__add"
          hoverClass="change-docs__add--pressed"
          onClick={choose}
          {...a11y(`拍${title}照片`, 'button')}
        >
          <Text>{`+ 拍${title}照片`}</Text>
        </View>
      ) : null}
    </View>
  )
}
