import { z } from 'zod'
import { defineRoute } from './route'
import { IsoDateTime } from './common'

/** A mainland mobile number, as typed on the login form. */
export const MobilePhone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { message: '请输入11位手机号' })
  .describe('mainland mobile number, 11 digits')

export const SmsCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { message: '验证码为6位数字' })

export const LoginProvider = z.enum(['wechat', 'alipay', 'phone'])
export type LoginProvider = z.infer<typeof LoginProvider>

/** The logged-in person as the app sees them: no raw identifiers, the phone masked. */
export const UserProfile = z.object({
  id: z.uuid(),
  providers: z.array(LoginProvider),
  phoneMasked: z.string().nullable(),
  createdAt: IsoDateTime,
})
export type UserProfile = z.infer<typeof UserProfile>

export const LoginResult = z.object({
  /** Bearer token for `Authorization: Bearer …`. */
  token: z.string(),
  expiresAt: IsoDateTime,
  user: UserProfile,
})
export type LoginResult = z.infer<typeof LoginResult>

export const SmsSent = z.object({
  sentToMasked: z.string(),
  /** The code stops working after this many seconds. */
  expiresInSeconds: z.number().int().positive(),
  /** The earliest another code can be asked for. */
  resendAfterSeconds: z.number().int().nonnegative(),
})
export type SmsSent = z.infer<typeof SmsSent>

/*
 * Login routes are deliberately not idempotent: their answer is a live bearer token, and the
 * idempotency store would keep it in Redis for a day in clear (sessions are stored only as a
 * hash). Every login code is single-use anyway, so a retry cannot log in twice; the app asks
 * for a fresh code instead.
 */

export const loginWechat = defineRoute({
  id: 'loginWechat',
  method: 'post',
  path: '/auth/wechat',
  summary:
    'Log in with a wx.login code (jscode2session). With a session token, links WeChat to that user.',
  tag: 'auth',
  auth: 'public',
  accountScoped: false,
  idempotent: false,
  body: z.object({ code: z.string().trim().min(1).max(128) }),
  response: LoginResult,
})

export const loginAlipay = defineRoute({
  id: 'loginAlipay',
  method: 'post',
  path: '/auth/alipay',
  summary:
    'Log in with a my.getAuthCode code (alipay.system.oauth.token). With a session token, links Alipay to that user.',
  tag: 'auth',
  auth: 'public',
  accountScoped: false,
  idempotent: false,
  body: z.object({ authCode: z.string().trim().min(1).max(128) }),
  response: LoginResult,
})

export const sendSmsCode = defineRoute({
  id: 'sendSmsCode',
  method: 'post',
  path: '/auth/sms/send',
  summary: 'Sends a 6-digit login code by SMS (1 per minute, 10 per day per phone)',
  tag: 'auth',
  auth: 'public',
  accountScoped: false,
  idempotent: true,
  body: z.object({ phone: MobilePhone }),
  response: SmsSent,
})

export const verifySmsCode = defineRoute({
  id: 'verifySmsCode',
  method: 'post',
  path: '/auth/sms/verify',
  summary:
    'Logs in with phone + SMS code (5 tries per code). With a session token, links the phone to that user.',
  tag: 'auth',
  auth: 'public',
  accountScoped: false,
  idempotent: false,
  body: z.object({ phone: MobilePhone, code: SmsCode }),
  response: LoginResult,
})

export const refreshSession = defineRoute({
  id: 'refreshSession',
  method: 'post',
  path: '/auth/refresh',
  summary: 'Rotates the session: a new token; the old one stops working within 30 seconds',
  tag: 'auth',
  auth: 'user',
  accountScoped: false,
  idempotent: false,
  response: LoginResult,
})

export const logout = defineRoute({
  id: 'logout',
  method: 'post',
  path: '/auth/logout',
  summary: 'Ends this session',
  tag: 'auth',
  auth: 'user',
  accountScoped: false,
  idempotent: true,
  response: z.object({ loggedOut: z.literal(true) }),
})

export const getMe = defineRoute({
  id: 'getMe',
  method: 'get',
  path: '/me',
  summary: 'The logged-in user',
  tag: 'auth',
  auth: 'user',
  accountScoped: false,
  idempotent: false,
  response: UserProfile,
})

export const IdentityKind = z.enum(['wechat', 'wechat_union', 'alipay', 'phone'])

/** "我的数据": everything held about the user, masked; the same list 注销 deletes. */
export const MyData = z.object({
  user: z.object({ id: z.uuid(), createdAt: IsoDateTime }),
  identities: z.array(
    z.object({ kind: IdentityKind, valueMasked: z.string(), linkedAt: IsoDateTime }),
  ),
  bindings: z.array(
    z.object({
      accountNoMasked: z.string(),
      label: z.string().nullable(),
      role: z.enum(['owner', 'family']),
      boundAt: IsoDateTime,
    }),
  ),
  activeSessions: z.number().int().nonnegative(),
  /** Plain-language notes: what is kept where, for how long, and what 注销 keeps. */
  notes: z.array(z.string()),
})
export type MyData = z.infer<typeof MyData>

export const getMyData = defineRoute({
  id: 'getMyData',
  method: 'get',
  path: '/me/data',
  summary: '我的数据: what the BFF holds about the caller, masked',
  tag: 'privacy',
  auth: 'user',
  accountScoped: false,
  idempotent: false,
  response: MyData,
})

export const deleteMe = defineRoute({
  id: 'deleteMe',
  method: 'delete',
  path: '/me',
  summary:
    '注销: deletes the login, its identities, bindings and sessions; only an anonymous user id stays for payment records',
  tag: 'privacy',
  auth: 'user',
  accountScoped: false,
  idempotent: true,
  response: z.object({ deleted: z.literal(true) }),
})
