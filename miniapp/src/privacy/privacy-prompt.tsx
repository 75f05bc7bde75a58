import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'
import { a11y } from '../a11y'
import { createSignal } from '../platform/signal'
import { recordConsent } from './consent'
import './privacy-prompt.scss'

type Resolve = (option: { event: 'agree' | 'disagree'; buttonId?: string }) => void
type Listener = (resolve: Resolve) => void

/** The platform call waiting for the resident's answer, if any. */
const pending = createSignal<Resolve | undefined>(undefined)

const AGREE_BUTTON_ID = 'agree-privacy'

/**
 * WeChat and Alipay hold a private-data API (camera, location, microphone…) until the resident
 * has agreed to the 隐私保护指引; they ask through this event, and accept the answer only from a
 * button of open-type agreePrivacyAuthorization. Registered once at launch.
 */
export function listenForPrivacyAuthorization(): void {
  if (process.env.TARO_ENV !== 'weapp' && process.env.TARO_ENV !== 'alipay') return
  const alipay = (globalThis as { my?: { onNeedPrivacyAuthorization?: (l: Listener) => void } }).my
  const register: ((listener: Listener) => void) | undefined =
    process.env.TARO_ENV === 'weapp'
      ? (listener) => Taro.onNeedPrivacyAuthorization((resolve) => listener(resolve))
      : alipay?.onNeedPrivacyAuthorization?.bind(alipay)
  register?.((resolve) => pending.set(resolve))
}

function answer(event: 'agree' | 'disagree'): void {
  const resolve = pending.get()
  pending.set(undefined)
  if (event === 'agree') recordConsent()
  resolve?.(event === 'agree' ? { event, buttonId: AGREE_BUTTON_ID } : { event })
}

function openPolicy(doc: 'privacy' | 'terms'): void {
  Taro.navigateTo({ url: `/pages-legal/${doc}/index` }).catch((err: unknown) =>
    console.warn('navigation failed', err),
  )
}

/** Shown over any page while a platform call waits for consent (see PageRoot). */
export function PrivacyPrompt() {
  const resolve = useSyncExternalStore(pending.subscribe, pending.get, pending.get)
  if (!resolve) return null
  return (
    <View className="privacy-prompt" {...a11y('隐私保护提示', 'dialog')}>
      <View className="privacy-prompt__card">
        <Text className="privacy-prompt__title" {...a11y(undefined, 'heading')}>
          使用前请您确认
        </Text>
        <Text className="privacy-prompt__text">
          这一步需要用到您的相机、相册、位置或麦克风等信息。我们只在您使用该功能时获取，用途见
        </Text>
        <View className="privacy-prompt__links">
          <Text
            className="privacy-prompt__link"
            onClick={() => openPolicy('privacy')}
            {...a11y(undefined, 'link')}
          >
            《隐私政策》
          </Text>
          <Text
            className="privacy-prompt__link"
            onClick={() => openPolicy('terms')}
            {...a11y(undefined, 'link')}
          >
            《用户协议》
          </Text>
        </View>
        <Button
          id={AGREE_BUTTON_ID}
          className="privacy-prompt__agree"
          openType="agreePrivacyAuthorization"
          onAgreePrivacyAuthorization={() => answer('agree')}
          onClick={process.env.TARO_ENV === 'alipay' ? () => answer('agree') : undefined}
        >
          同意并继续
        </Button>
        <Button className="privacy-prompt__refuse" onClick={() => answer('disagree')}>
          不同意
        </Button>
      </View>
    </View>
  )
}
