import { routes } from '@gh/shared'
import Taro from '@tarojs/taro'
import { request } from '../api'

/*
 * 缴费结果通知: WeChat only sends a subscription message the user agreed to, and the consent
 * dialog may only open inside a tap. So the template id is fetched ahead (when the payment
 * screen loads) and the dialog is opened first thing in the 去支付 tap, before any await.
 */
let templateId: string | null | undefined
let loading: Promise<void> | undefined

/** Fetches the template id once per session; failures are forgotten so the next call retries. */
export function primeOrderNotices(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || templateId !== undefined) return Promise.resolve()
  loading ??= request(routes.getAppInfo).then(
    (info) => {
      templateId = info.orderNoticeTemplateId
    },
    () => {
      loading = undefined
    },
  )
  return loading
}

type Ask = (options: { tmplIds: string[] }) => Promise<unknown>

const askWechat: Ask = (options) => Taro.requestSubscribeMessage({ ...options, entityIds: [] })

/**
 * Opens WeChat's consent dialog for the payment-result message. Never blocks paying: a refusal,
 * an old WeChat without the API or an unknown template id all just continue.
 */
export async function askForOrderNotices(
  env: string | undefined = process.env.TARO_ENV,
  ask: Ask = askWechat,
): Promise<void> {
  if (env !== 'weapp' || !templateId) return
  try {
    await ask({ tmplIds: [templateId] })
  } catch (err) {
    console.warn('subscription consent not given', err)
  }
}

/** Tests only. */
export function setOrderNoticeTemplate(id: string | null | undefined): void {
  templateId = id
  loading = undefined
}
