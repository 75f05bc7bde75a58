import { z } from 'zod'
import { defineRoute } from './route'

export const AppInfo = z.object({
  serviceName: z.string(),
  servicePhone: z.string(),
  /** Server time, so the client can show times and detect a wrong device clock. */
  serverTime: z.string(),
  /** WeChat subscription template the app asks consent for before paying (缴费结果通知). */
  orderNoticeTemplateId: z.string().nullable(),
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
