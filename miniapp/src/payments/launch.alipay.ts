import Taro from '@tarojs/taro'
import type { LaunchPayment } from './outcome'
import { wrongPlatform } from './outcome'

// my.tradePay result codes (Alipay open docs): 9000 paid, 6001 cancelled by the payer,
// 8000/6004 result unknown (may have been paid), others failed.
const UNKNOWN = new Set(['8000', '6004', '6002'])

/** Alipay: `my.tradePay` with the trade number the BFF created. */
export const launchPayment: LaunchPayment = async (params) => {
  if (params.kind !== 'alipay') return wrongPlatform(params.kind)
  let code: string
  try {
    const res = await Taro.tradePay({ tradeNO: params.tradeNO })
    // Taro passes my.tradePay's result through: `resultCode` at the top (the typings nest it).
    const raw = res as unknown as { resultCode?: unknown; response?: { resultCode?: unknown } }
    code = String(raw.resultCode ?? raw.response?.resultCode ?? '')
  } catch {
    return { kind: 'unknown' }
  }
  if (code === '9000') return { kind: 'paid' }
  if (code === '6001') return { kind: 'cancelled' }
  if (UNKNOWN.has(code)) return { kind: 'unknown' }
  return { kind: 'failed', message: '支付宝支付没有完成，未扣款可重新支付' }
}
