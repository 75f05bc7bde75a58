import type { routes } from '@gh/shared'
import { errors } from '../platform/app-error'
import type { RouteHandler } from '../platform/http/routes'
import type { RepairPhotos } from '../repairs/photos/photo-service'
import { documentScope, type ConnectionService } from './connection-service'

type R = typeof routes

export function connectionHandlers(deps: {
  connections: ConnectionService
  photos: RepairPhotos
}): {
  uploadConnectionDocument: RouteHandler<R['uploadConnectionDocument']>
  applyConnection: RouteHandler<R['applyConnection']>
  listConnections: RouteHandler<R['listConnections']>
  applyAccountConnection: RouteHandler<R['applyAccountConnection']>
  listAccountConnections: RouteHandler<R['listAccountConnections']>
  getIgnition: RouteHandler<R['getIgnition']>
  bookIgnition: RouteHandler<R['bookIgnition']>
} {
  const { connections, photos } = deps
  return {
    // The photo pipeline of repairs, in the applicant's own scope; only the id comes back.
    uploadConnectionDocument: async ({ user, body, idempotencyKey }) => {
      if (!idempotencyKey) throw errors.idempotencyKeyRequired()
      const photo = await photos.upload({
        accountNo: documentScope(user.userId),
        userId: user.userId,
        idempotencyKey,
        bytes: Buffer.from(await body.file.arrayBuffer()),
      })
      return { photoId: photo.photoId }
    },
    applyConnection: async ({ user, body, idempotencyKey }) => {
      if (!idempotencyKey) throw errors.idempotencyKeyRequired()
      return connections.apply({
        userId: user.userId,
        idempotencyKey,
        request: body,
        fromAccountNo: null,
      })
    },
    listConnections: async ({ user }) => ({ items: await connections.mine(user.userId) }),
    applyAccountConnection: async ({ user, params, body, idempotencyKey }) => {
      if (!idempotencyKey) throw errors.idempotencyKeyRequired()
      return connections.apply({
        userId: user.userId,
        idempotencyKey,
        request: body,
        fromAccountNo: params.accountNo,
      })
    },
    listAccountConnections: async ({ params }) => ({
      items: await connections.ofAccount(params.accountNo),
    }),
    getIgnition: ({ params }) => connections.ignition(params.accountNo),
    bookIgnition: ({ params, body }) => connections.bookIgnition(params.accountNo, body.slotId),
  }
}
