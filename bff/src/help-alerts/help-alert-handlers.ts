import type { routes } from '@gh/shared'
import { errors } from '../platform/app-error'
import type { RouteHandler } from '../platform/http/routes'
import type { HelpAlertService } from './help-alert-service'

type R = typeof routes

export function helpAlertHandlers(helpAlerts: HelpAlertService): {
  listHelpAlerts: RouteHandler<R['listHelpAlerts']>
  createHelpAlert: RouteHandler<R['createHelpAlert']>
  acknowledgeHelpAlert: RouteHandler<R['acknowledgeHelpAlert']>
  updateHelpSettings: RouteHandler<R['updateHelpSettings']>
} {
  return {
    listHelpAlerts: ({ user, params }) => helpAlerts.list(user.userId, params.accountNo),
    createHelpAlert: ({ user, params, body, idempotencyKey }) => {
      if (!idempotencyKey) throw errors.idempotencyKeyRequired()
      return helpAlerts.send({
        userId: user.userId,
        accountNo: params.accountNo,
        idempotencyKey,
        kind: body.kind,
        location: body.location,
      })
    },
    acknowledgeHelpAlert: ({ user, params }) =>
      helpAlerts.acknowledge(user.userId, params.accountNo, params.alertId),
    updateHelpSettings: ({ user, params, body }) =>
      helpAlerts.updateSettings(user.userId, params.accountNo, body),
  }
}
