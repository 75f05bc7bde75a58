import Taro from '@tarojs/taro'
import { loginWithAlipay, loginWithWechat } from '../api'

/** Alipay's own API; Taro 4.2 has no typed wrapper for it. */
declare const my: {
  getAuthCode(options: {
    scopes: string
    success: (res: { authCode: string }) => void
    fail: (err: unknown) => void
  }): void
}

function alipayAuthCode(): Promise<string> {
  return new Promise((resolve, reject) =>
    // auth_base: silent, only the user id; nothing about the person is asked for.
    my.getAuthCode({ scopes: 'auth_base', success: (res) => resolve(res.authCode), fail: reject }),
  )
}

/** The platform's own login, where there is one (not on H5). */
export const platformLogin =
  process.env.TARO_ENV === 'weapp'
    ? { name: '微信一键登录', run: async () => loginWithWechat((await Taro.login()).code) }
    : process.env.TARO_ENV === 'alipay'
      ? { name: '支付宝授权登录', run: async () => loginWithAlipay(await alipayAuthCode()) }
      : undefined
