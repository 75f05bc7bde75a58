import { Image, Text, Video, View } from '@tarojs/components'
import type { ArticleMedia as Media } from '@gh/shared'
import { a11y } from '../../../a11y'

/** A short clip in seconds: rounding six seconds up to 一分钟 would oversell it. */
function durationText(seconds: number): string {
  return seconds < 60 ? `${seconds}秒` : `${Math.ceil(seconds / 60)}分钟`
}

/**
 * A picture or a video of an article, with its caption under it. Both load from the content
 * system's CDN at run time, so they add nothing to the package.
 */
export function ArticleMedia({ media }: { media: Media }) {
  if (media.kind === 'image') {
    return (
      <View className="article__media">
        <Image
          className="article__image"
          src={media.url}
          mode="widthFix"
          lazyLoad
          {...a11y(media.alt, 'img')}
          style={{ aspectRatio: `${media.width} / ${media.height}` }}
        />
        {media.caption ? <Text className="article__caption">{media.caption}</Text> : null}
      </View>
    )
  }
  return (
    <View className="article__media">
      {/* The frame gives the player its size and place: Taro's H5 player positions itself
          absolutely inside the nearest positioned box. */}
      <View className="article__video-frame">
        <Video
          className="article__video"
          src={media.url}
          poster={media.poster ?? undefined}
          controls
          showFullscreenBtn
          {...a11y(`视频：${media.caption}`)}
        />
      </View>
      <Text className="article__caption">
        视频（{durationText(media.durationSeconds)}）：{media.caption}
      </Text>
    </View>
  )
}
