import type { routes } from '@gh/shared'
import { AppError } from '../platform/app-error'
import type { RouteHandler } from '../platform/http/routes'
import type { AlipayAuthPort } from '../upstream/alipay/alipay-port'
import type { WechatPort } from '../upstream/wechat/wechat-port'
import type { LoginService } from './login-service'
import type { PrivacyService } from './privacy-service'
import { sessionIdOf, type SessionStore } from './session-store'
import type { SmsCodeService } from './sms-codes'

type R = typeof routes

const codeRejected = (platform: string) =>
  new AppError('LOGIN_CODE_REJECTED', {
    message: `${platform} login code rejected`,
    userMessage: `${platform}登录没有成功，请再点一次登录`,
  })

interface AuthDeps {
  login: LoginService
  sms: SmsCodeService
  sessions: SessionStore
  privacy: PrivacyService
  wechat: WechatPort
  alipay: AlipayAuthPort
}

export function authHandlers(deps: AuthDeps): {
  loginWechat: RouteHandler<R['loginWechat']>
  loginAlipay: RouteHandler<R['loginAlipay']>
  sendSmsCode: RouteHandler<R['sendSmsCode']>
  verifySmsCode: RouteHandler<R['verifySmsCode']>
  refreshSession: RouteHandler<R['refreshSession']>
  logout: RouteHandler<R['logout']>
  getMe: RouteHandler<R['getMe']>
  getMyData: RouteHandler<R['getMyData']>
  deleteMe: RouteHandler<R['deleteMe']>
} {
  const { login, sms, sessions, privacy } = deps
  return {
    loginWechat: async ({ body, user }) => {
      const wx = await deps.wechat.code2Session(body.code)
      if (!wx) throw codeRejected('微信')
      const claims = [
        ...(wx.unionid ? [{ provider: 'wechat_union' as const, subject: wx.unionid }] : []),
        { provider: 'wechat' as const, subject: wx.openid },
      ]
      return login.login(claims, user)
    },
    loginAlipay: async ({ body, user }) => {
      const ali = await deps.alipay.exchangeAuthCode(body.authCode)
      if (!ali) throw codeRejected('支付宝')
      return login.login([{ provider: 'alipay', subject: ali.subject }], user)
    },
    sendSmsCode: ({ body, ip }) => sms.send(body.phone, ip),
    verifySmsCode: async ({ body, user }) => {
      await sms.verify(body.phone, body.code)
      return login.login([{ provider: 'phone', subject: body.phone }], user)
    },
    refreshSession: ({ user }) => login.refresh(user),
    logout: async ({ user }) => {
      const sessionId = sessionIdOf(user)
      if (sessionId) await sessions.revoke({ userId: user.userId, sessionId })
      return { loggedOut: true as const }
    },
    getMe: ({ user }) => login.profile(user.userId),
    getMyData: ({ user }) => privacy.myData(user.userId),
    deleteMe: async ({ user }) => {
      await privacy.erase(user.userId)
      return { deleted: true as const }
    },
  }
}
