import { PRIVACY_POLICY_VERSION, type routes } from '@gh/shared'
import { toShanghaiIso } from '../platform/time'
import type { RouteHandler } from '../platform/http/routes'

export function appInfoHandlers(deps: {
  servicePhone: string
  orderNoticeTemplateId: string | null
  legal: { utilityName: string; address: string; privacyEmail: string }
  now: () => Date
}): {
  getAppInfo: RouteHandler<typeof routes.getAppInfo>
} {
  return {
    getAppInfo: async () => ({
      serviceName: '燃气·供热 掌上营业厅',
      servicePhone: deps.servicePhone,
      serverTime: toShanghaiIso(deps.now()),
      orderNoticeTemplateId: deps.orderNoticeTemplateId,
      legal: { ...deps.legal, policyVersion: PRIVACY_POLICY_VERSION },
    }),
  }
}
