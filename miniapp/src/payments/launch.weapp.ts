import Taro from '@tarojs/taro'
import type { LaunchPayment } from './outcome'
import { wrongPlatform } from './outcome'

function errMsg(err: unknown): string {
  return typeof err === 'object' && err !== null && 'errMsg' in err ? String(err.errMsg) : ''
}

/** WeChat: `requestPayment` with the parameters the BFF signed (paySign over appId…package). */
export const launchPayment: LaunchPayment = async (params) => {
  if (params.kind !== 'wechat') return wrongPlatform(params.kind)
  const { timeStamp, nonceStr, package: pkg, signType, paySign } = params
  try {
    await Taro.requestPayment({ timeStamp, nonceStr, package: pkg, signType, paySign })
    return { kind: 'paid' }
  } catch (err) {
    const msg = errMsg(err)
    if (/cancel/i.test(msg)) return { kind: 'cancelled' }
    return { kind: 'failed', message: '微信支付没有完成，未扣款可重新支付' }
  }
}
