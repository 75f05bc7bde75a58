import type { routes } from '@gh/shared'
import { errors } from '../platform/app-error'
import type { RouteHandler } from '../platform/http/routes'
import type { PayShareService } from './pay-share-service'

type R = typeof routes

export function payShareHandlers(deps: { payShares: PayShareService }): {
  createPayShare: RouteHandler<R['createPayShare']>
  getPayShare: RouteHandler<R['getPayShare']>
  createSharedOrder: RouteHandler<R['createSharedOrder']>
  getSharedOrder: RouteHandler<R['getSharedOrder']>
} {
  const { payShares } = deps
  return {
    createPayShare: ({ user, params, body }) =>
      payShares.create(user.userId, params.accountNo, body.purpose, body.amountFen),
    getPayShare: ({ params }) => payShares.view(params.token),
    createSharedOrder: ({ user, params, body, idempotencyKey }) => {
      if (!idempotencyKey) throw errors.idempotencyKeyRequired()
      return payShares.pay(user.userId, params.token, body, idempotencyKey)
    },
    getSharedOrder: ({ user, params }) => payShares.read(user.userId, params.orderNo),
  }
}
