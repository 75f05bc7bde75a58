import { z } from 'zod'
import { defineRoute } from './route'

/**
 * The 用户协议/隐私政策 text the app shows is this version; raise it whenever the text or the list
 * of personal data changes, and every resident is asked to consent again at their next login.
 */
export const PRIVACY_POLICY_VERSION = '2026-12-06'

export const AppInfo = z.object({
  serviceName: z.string(),
  servicePhone: z.string(),
  /** Server time, so the client can show times and detect a wrong device clock. */
  serverTime: z.string(),
  /** WeChat subscription template the app asks consent for before paying (缴费结果通知). */
  orderNoticeTemplateId: z.string().nullable(),
  /** Who processes residents' personal data, named in 用户协议 and 隐私政策. */
  legal: z.object({
    utilityName: z.string(),
    address: z.string(),
    privacyEmail: z.string(),
    /** The 隐私政策 version a resident consents to; a new version asks again. */
    policyVersion: z.string(),
  }),
})
export type AppInfo = z.infer<typeof AppInfo>

export const getAppInfo = defineRoute({
  id: 'getAppInfo',
  method: 'get',
  path: '/app-info',
  summary: 'Public facts the app shows before login (service phone, server time)',
  tag: 'app',
  auth: 'public',
  accountScoped: false,
  idempotent: false,
  response: AppInfo,
})
