import type { DataSource } from 'typeorm'
import type { BindingService } from '../accounts/binding-service'
import { cacheScope } from '../platform/cache/cache-kinds'
import type { ReadCache } from '../platform/cache/read-cache'
import type { Logger } from '../platform/logger'
import type { QueueFactory } from '../platform/queues'
import type { BillingReads } from '../upstream/billing/billing-port'
import type { AccountChangesPort } from '../upstream/customers/account-changes-port'
import {
  AccountChangeService,
  type AccountChangeNotices,
  type DocumentPhotos,
} from './account-change-service'
import { AccountChangeStore } from './account-change-store'
import { AccountChangeSyncJobs } from './account-change-sync-jobs'

export interface AccountChangeFeature {
  service: AccountChangeService
  jobs: AccountChangeSyncJobs
}

/**
 * 过户 / 销户 / 信息变更 on the CIS, the photo service, the bindings and the notices. Before any
 * binding is made, the account's decided changes are applied, so a new holder's binding never
 * goes with the old holder's.
 */
export function buildAccountChangeFeature(deps: {
  db: DataSource
  queues: QueueFactory
  queueNamespace: string
  changes: AccountChangesPort
  billing: BillingReads
  photos: DocumentPhotos
  bindings: BindingService
  notices: AccountChangeNotices
  readCache: ReadCache
  logger: Logger
  now: () => Date
}): AccountChangeFeature {
  const logger = deps.logger.child({ module: 'account-changes' })
  const service = new AccountChangeService({
    changes: deps.changes,
    billing: deps.billing,
    photos: deps.photos,
    store: new AccountChangeStore(deps.db),
    revokeBindings: (accountNo) => deps.bindings.revokeAccount(accountNo),
    notices: deps.notices,
    invalidate: (accountNo) =>
      deps.readCache.invalidate(cacheScope.account(accountNo), ['account', 'summary', 'bills']),
    logger,
    now: deps.now,
  })
  deps.bindings.onBeforeBind((accountNo) => service.sync(accountNo))
  const jobs = new AccountChangeSyncJobs(
    deps.queues,
    deps.queueNamespace,
    () => service.runOnce(),
    logger,
  )
  return { service, jobs }
}
