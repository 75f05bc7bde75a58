import { cacheScope } from '../platform/cache/cache-kinds'
import type { ReadCache } from '../platform/cache/read-cache'
import type { Logger } from '../platform/logger'
import type { BillingReads } from '../upstream/billing/billing-port'
import type { HeatingDesk } from '../upstream/billing/billing-heating-port'
import { HeatingComplaintService } from './complaint-service'
import { LoggedHeatingNotices, type HeatingNotices, type ThermometerPhotos } from './heating-ports'
import { HeatingService } from './heating-service'

export interface HeatingFeature {
  heating: HeatingService
  heatingComplaints: HeatingComplaintService
}

/** The 供暖 use cases on billing (uncached), the photo service and the notices hook. */
export function buildHeatingFeature(deps: {
  billing: BillingReads
  heating: HeatingDesk
  photos: ThermometerPhotos
  readCache: ReadCache
  logger: Logger
  notices?: HeatingNotices
}): HeatingFeature {
  const shared = {
    billing: deps.billing,
    heating: deps.heating,
    photos: deps.photos,
    notices: deps.notices ?? new LoggedHeatingNotices(deps.logger.child({ module: 'heating' })),
    invalidate: (accountNo: string) =>
      deps.readCache.invalidate(cacheScope.account(accountNo), ['summary', 'bills']),
  }
  return {
    heating: new HeatingService(shared),
    heatingComplaints: new HeatingComplaintService(shared),
  }
}
