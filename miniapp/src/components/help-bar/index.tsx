import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { a11y } from '../../a11y'
import { callServicePhone } from '../../app-info'
import { useElderMode } from '../../elder'
import { copyPageLink, h5Link } from './share-link'
import type { ShareCard } from './share-link'
import { loadServicePhone } from './service-phone'
import './index.scss'

/**
 * 长辈模式 on every page: 客服电话 one tap away, and 请家人帮忙, which hands the same page (with
 * its account or order, so "pay this" / "report this" opens as it is here) to a family member.
 * `share`: the page's card (see PageRoot); in the mini-programs only such pages can be shared.
 */
export function HelpBar({ share }: { share?: () => ShareCard }) {
  const { elder } = useElderMode()
  if (!elder) return null
  return (
    <View className="help-bar" {...a11y('求助', 'region')}>
      <View
        className="help-bar__button help-bar__button--call"
        hoverClass="help-bar__button--pressed"
        onClick={callService}
        {...a11y('客服电话，点击拨打', 'button')}
      >
        <Text>客服电话</Text>
      </View>
      {process.env.TARO_ENV === 'h5' ? (
        <CopyLinkButton share={share} />
      ) : share ? (
        <ShareButton />
      ) : null}
    </View>
  )
}

/** The number is fetched on the first tap, not on every page view (no load on the BFF). */
function callService() {
  loadServicePhone().then(callServicePhone, (err: unknown) => {
    console.warn('service phone unavailable', err)
    void Taro.showToast({ title: '暂时没能获取客服电话，请稍后再试', icon: 'none' })
  })
}

function CopyLinkButton({ share }: { share?: () => ShareCard }) {
  return (
    <View
      className="help-bar__button"
      hoverClass="help-bar__button--pressed"
      onClick={() => {
        const link = share ? h5Link(share().path, window.location) : window.location.href
        copyPageLink(link).catch((err: unknown) => {
          console.warn('copy link failed', err)
          void Taro.showToast({ title: '没能复制链接，请截图发给家人', icon: 'none' })
        })
      }}
      {...a11y('请家人帮忙：复制本页链接，发给家人', 'button')}
    >
      <Text>请家人帮忙</Text>
    </View>
  )
}

/**
 * WeChat and Alipay: the native share button; the platform asks the page for the card, which
 * PageRoot's share handler builds (the page config needs `enableShareAppMessage: true`).
 */
function ShareButton() {
  return (
    <Button
      className="help-bar__button"
      hoverClass="help-bar__button--pressed"
      openType="share"
      {...a11y('请家人帮忙：把本页分享给家人')}
    >
      请家人帮忙
    </Button>
  )
}
