import type { routes } from '@gh/shared'
import { errors } from '../platform/app-error'
import type { RouteHandler } from '../platform/http/routes'
import type { SafetyFeature } from './safety-feature'

type R = typeof routes

/** The pipeline has checked the key of every mutating route; this narrows its type. */
function keyOf(key: string | undefined): string {
  if (!key) throw errors.idempotencyKeyRequired()
  return key
}

export function safetyHandlers(safety: SafetyFeature): {
  getSelfCheck: RouteHandler<R['getSelfCheck']>
  saveSelfCheck: RouteHandler<R['saveSelfCheck']>
  getInspections: RouteHandler<R['getInspections']>
  changeInspection: RouteHandler<R['changeInspection']>
} {
  return {
    getSelfCheck: ({ params }) => safety.selfCheck.get(params.accountNo),
    saveSelfCheck: ({ user, params, body }) =>
      safety.selfCheck.save(user.userId, params.accountNo, body),
    getInspections: ({ params }) => safety.inspections.get(params.accountNo),
    changeInspection: ({ params, body, idempotencyKey }) =>
      safety.inspections.change(params.accountNo, body, keyOf(idempotencyKey)),
  }
}
