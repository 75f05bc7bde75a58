import type { routes } from '@gh/shared'
import { errors } from '../platform/app-error'
import type { RouteHandler } from '../platform/http/routes'
import type { HeatingComplaintService } from './complaint-service'
import type { HeatingService } from './heating-service'

type R = typeof routes

/** The router has checked the key is there; this keeps the type honest. */
function keyOf(key: string | undefined): string {
  if (!key) throw errors.idempotencyKeyRequired()
  return key
}

export function heatingHandlers(deps: {
  heating: HeatingService
  heatingComplaints: HeatingComplaintService
}): {
  getHeating: RouteHandler<R['getHeating']>
  listHeatingStops: RouteHandler<R['listHeatingStops']>
  createHeatingStop: RouteHandler<R['createHeatingStop']>
  getHeatingStop: RouteHandler<R['getHeatingStop']>
  cancelHeatingStop: RouteHandler<R['cancelHeatingStop']>
  listHeatingComplaints: RouteHandler<R['listHeatingComplaints']>
  createHeatingComplaint: RouteHandler<R['createHeatingComplaint']>
  getHeatingComplaint: RouteHandler<R['getHeatingComplaint']>
} {
  const { heating, heatingComplaints: complaints } = deps
  return {
    getHeating: ({ params }) => heating.overview(params.accountNo),
    listHeatingStops: ({ params }) => heating.stops(params.accountNo),
    createHeatingStop: ({ params, user, idempotencyKey, body }) =>
      heating.apply(params.accountNo, user.userId, keyOf(idempotencyKey), body),
    getHeatingStop: ({ params }) => heating.application(params.accountNo, params.applicationId),
    cancelHeatingStop: ({ params, user }) =>
      heating.cancel(params.accountNo, user.userId, params.applicationId),
    listHeatingComplaints: ({ params }) => complaints.list(params.accountNo),
    createHeatingComplaint: ({ params, user, idempotencyKey, body }) =>
      complaints.report(params.accountNo, user.userId, keyOf(idempotencyKey), body),
    getHeatingComplaint: ({ params }) => complaints.get(params.accountNo, params.complaintId),
  }
}
