import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { a11y } from '../../../a11y'
import { pickPhotos } from '../../../repairs/photos/pick'
import type { PhotoItem, PhotoUploads } from '../../../repairs/photos/use-photo-uploads'
import { PhotoThumb } from '../../../repairs/view/photo-thumb'

/** Up to `max` photos, each uploading on its own with its progress, 重试 and 删除. */
export function PhotoField(props: { accountNo: string; photos: PhotoUploads; max: number }) {
  const { accountNo, photos, max } = props
  const room = max - photos.items.length
  const choose = () => {
    pickPhotos(room).then(
      (paths) => photos.add(paths),
      (err: unknown) => {
        console.warn('choosing photos failed', err)
        void Taro.showToast({ title: '没能打开相册或相机，请再试一次', icon: 'none' })
      },
    )
  }
  return (
    <View className="report-field">
      <Text className="report-field__label">照片（可不拍，最多{max}张）</Text>
      <Text className="report-field__hint">拍下故障的地方或燃气表读数，师傅好提前准备</Text>
      {photos.items.length > 0 ? (
        <View className="photo-field__grid" {...a11y('已添加的照片', 'list')}>
          {photos.items.map((item, i) => (
            <PhotoTile
              key={item.key}
              item={item}
              index={i + 1}
              accountNo={accountNo}
              onRetry={() => photos.retry(item.key)}
              onRemove={() => photos.remove(item.key)}
            />
          ))}
        </View>
      ) : null}
      {room > 0 ? (
        <View
          className="photo-field__add main-control"
          hoverClass="photo-field__add--pressed"
          onClick={choose}
          {...a11y(`添加照片，还能添加${room}张`, 'button')}
        >
          <Text>+ 添加照片</Text>
        </View>
      ) : (
        <Text className="report-field__hint">已添加{max}张，删除一张后可以再添加</Text>
      )}
    </View>
  )
}

function PhotoTile(props: {
  item: PhotoItem
  index: number
  accountNo: string
  onRetry: () => void
  onRemove: () => void
}) {
  const { item, index, accountNo, onRetry, onRemove } = props
  const name = `第${index}张照片`
  const status =
    item.state === 'uploading'
      ? `上传中 ${item.progress}%`
      : item.state === 'failed'
        ? '上传失败'
        : '已上传'
  return (
    <View className={`photo-tile photo-tile--${item.state}`} {...a11y(undefined, 'listitem')}>
      <PhotoThumb
        source={
          item.filePath
            ? { filePath: item.filePath }
            : { accountNo, photoId: item.photoId ?? item.key }
        }
        label={`${name}，${status}`}
      />
      <Text
        className="photo-tile__status"
        {...a11y(undefined, item.state === 'failed' ? 'alert' : 'status')}
      >
        {item.state === 'failed' ? '! ' : ''}
        {status}
      </Text>
      {item.state === 'uploading' ? (
        <View className="photo-tile__bar" {...a11y(undefined, 'presentation')}>
          <View className="photo-tile__bar-fill" style={{ width: `${item.progress}%` }} />
        </View>
      ) : null}
      {item.state === 'failed' && item.error ? (
        <Text className="photo-tile__error">{item.error}</Text>
      ) : null}
      <View className="photo-tile__actions">
        {item.state === 'failed' && item.filePath ? (
          <View
            className="photo-tile__button photo-tile__button--primary"
            onClick={onRetry}
            {...a11y(`重试，重新上传${name}`, 'button')}
          >
            <Text>重试</Text>
          </View>
        ) : null}
        <View className="photo-tile__button" onClick={onRemove} {...a11y(`删除${name}`, 'button')}>
          <Text>删除</Text>
        </View>
      </View>
    </View>
  )
}
