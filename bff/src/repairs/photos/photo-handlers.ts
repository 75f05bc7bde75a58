import type { routes } from '@gh/shared'
import { errors } from '../../platform/app-error'
import type { RouteHandler } from '../../platform/http/routes'
import type { RepairPhotos } from './photo-service'

type R = typeof routes

export function repairPhotoHandlers(photos: RepairPhotos): {
  uploadRepairPhoto: RouteHandler<R['uploadRepairPhoto']>
  getRepairPhoto: RouteHandler<R['getRepairPhoto']>
} {
  return {
    uploadRepairPhoto: async ({ user, params, body, idempotencyKey }) => {
      if (!idempotencyKey) throw errors.idempotencyKeyRequired()
      return photos.upload({
        accountNo: params.accountNo,
        userId: user.userId,
        idempotencyKey,
        bytes: Buffer.from(await body.file.arrayBuffer()),
      })
    },
    getRepairPhoto: ({ params, query }) =>
      photos.read(params.accountNo, params.photoId, query.size),
  }
}
