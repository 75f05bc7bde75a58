import { Button, ContactButton, Text, View } from '@tarojs/components'
import { a11y } from '../../../a11y'
import { useElderMode } from '../../../elder'

/** The Alipay 云客服 chat window this build opens (TARO_APP_ALIPAY_CONTACT_*, see config/index.ts). */
export interface AlipayContact {
  tntInstId: string
  scene: string
}

export type OnlineService = { kind: 'wechat' } | { kind: 'alipay'; contact: AlipayContact }

/**
 * Which in-app customer service this build can open: WeChat's 客服消息 needs nothing but the
 * admin console switch; Alipay's chat window needs the utility's 企业编码 and 聊天窗编码, so a
 * build without them shows only the phone. H5 has no platform chat.
 */
export function onlineServiceFor(
  platform: string | undefined,
  alipay: AlipayContact,
): OnlineService | null {
  if (platform === 'weapp') return { kind: 'wechat' }
  if (platform === 'alipay' && alipay.tntInstId && alipay.scene) {
    return { kind: 'alipay', contact: alipay }
  }
  return null
}

/** 在线客服, beside 客服电话 in 我的, on the platforms that have one. */
export function OnlineServiceRow() {
  const { elder } = useElderMode()
  const service = onlineServiceFor(process.env.TARO_ENV, ALIPAY_CONTACT)
  if (!service) return null
  if (service.kind === 'wechat') {
    return (
      <Button
        className="setting-row setting-row--tappable main-control online-service"
        hoverClass="setting-row--pressed"
        openType="contact"
        {...a11y('在线客服，点击咨询')}
      >
        <Text className="setting-row__title">在线客服</Text>
        <View className="setting-row__end">
          <Text className="setting-row__action">咨询</Text>
        </View>
      </Button>
    )
  }
  // Alipay draws its own round icon; the row around it says what it is, and the icon is sized
  // to the tap target of the mode.
  return (
    <View className="setting-row online-service">
      <Text className="setting-row__title">在线客服</Text>
      <View className="setting-row__end" {...a11y('在线客服，点击咨询', 'button')}>
        <ContactButton
          tntInstId={service.contact.tntInstId}
          scene={service.contact.scene}
          size={elder ? 60 : 44}
        />
      </View>
    </View>
  )
}
