import type { routes } from '@gh/shared'
import { errors } from '../platform/app-error'
import type { RouteHandler } from '../platform/http/routes'
import type { AccountChangeService } from './account-change-service'

type R = typeof routes

export function accountChangeHandlers(deps: { accountChanges: AccountChangeService }): {
  listAccountChanges: RouteHandler<R['listAccountChanges']>
  createAccountChange: RouteHandler<R['createAccountChange']>
} {
  const service = deps.accountChanges
  return {
    listAccountChanges: ({ params }) => service.list(params.accountNo),
    createAccountChange: ({ params, user, idempotencyKey, body }) => {
      // The router has checked the key is there; this keeps the type honest.
      if (!idempotencyKey) throw errors.idempotencyKeyRequired()
      return service.submit(params.accountNo, user.userId, idempotencyKey, body)
    },
  }
}
