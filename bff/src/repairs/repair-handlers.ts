import type { routes } from '@gh/shared'
import { errors } from '../platform/app-error'
import type { RouteHandler } from '../platform/http/routes'
import type { RepairService } from './repair-service'

type R = typeof routes

/** The pipeline has checked the key of every mutating route; this narrows its type. */
function keyOf(key: string | undefined): string {
  if (!key) throw errors.idempotencyKeyRequired()
  return key
}

export function repairHandlers(deps: { repairs: RepairService }): {
  getRepairOptions: RouteHandler<R['getRepairOptions']>
  createRepair: RouteHandler<R['createRepair']>
  listRepairs: RouteHandler<R['listRepairs']>
  getRepair: RouteHandler<R['getRepair']>
  urgeRepair: RouteHandler<R['urgeRepair']>
  rateRepair: RouteHandler<R['rateRepair']>
  reopenRepair: RouteHandler<R['reopenRepair']>
} {
  const { repairs } = deps
  return {
    getRepairOptions: ({ user, params }) => repairs.options(user.userId, params.accountNo),
    createRepair: ({ user, params, body, idempotencyKey }) =>
      repairs.create(user.userId, params.accountNo, body, keyOf(idempotencyKey)),
    listRepairs: ({ params }) => repairs.list(params.accountNo),
    getRepair: ({ params }) => repairs.get(params.accountNo, params.repairNo),
    urgeRepair: ({ user, params, idempotencyKey }) =>
      repairs.urge(user.userId, params.accountNo, params.repairNo, keyOf(idempotencyKey)),
    rateRepair: ({ params, body }) => repairs.rate(params.accountNo, params.repairNo, body),
    reopenRepair: ({ user, params, body, idempotencyKey }) =>
      repairs.reopen(user.userId, params.accountNo, params.repairNo, body, keyOf(idempotencyKey)),
  }
}
