import { Image, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { a11y, decorative } from '../../a11y'
import { photoFile } from '../photos/api'

export type PhotoSource = { filePath: string } | { accountNo: string; photoId: string }

/**
 * A photo's small picture: the file on this phone when there is one, else the BFF's thumbnail
 * fetched with the session. `label` names it for screen readers (第2张照片).
 */
export function PhotoThumb({ source, label }: { source: PhotoSource; label: string }) {
  const local = 'filePath' in source ? source.filePath : undefined
  const accountNo = 'accountNo' in source ? source.accountNo : undefined
  const photoId = 'photoId' in source ? source.photoId : undefined
  const [src, setSrc] = useState<string | 'failed' | undefined>(local)

  useEffect(() => {
    if (local !== undefined) {
      setSrc(local)
      return
    }
    if (!accountNo || !photoId) return
    let current = true
    photoFile(accountNo, photoId, 'thumb').then(
      (file) => current && setSrc(file),
      () => current && setSrc('failed'),
    )
    return () => {
      current = false
    }
  }, [local, accountNo, photoId])

  if (src === undefined || src === 'failed') {
    return (
      <View className="photo-thumb photo-thumb--empty" {...a11y(label, 'img')}>
        <Text className="photo-thumb__note">{src === 'failed' ? '暂时看不到' : '加载中'}</Text>
      </View>
    )
  }
  return (
    <View className="photo-thumb" {...a11y(label, 'img')}>
      {/* The box carries the name; the picture inside is not announced a second time. */}
      <Image className="photo-thumb__image" src={src} mode="aspectFill" {...decorative()} />
    </View>
  )
}
