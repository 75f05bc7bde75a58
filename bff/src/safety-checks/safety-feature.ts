import type { DataSource } from 'typeorm'
import type { NotificationPublisher } from '../notifications/notification-event'
import { cacheScope } from '../platform/cache/cache-kinds'
import type { ReadCache } from '../platform/cache/read-cache'
import type { Logger } from '../platform/logger'
import type { QueueFactory } from '../platform/queues'
import type { CustomersPort } from '../upstream/customers/customers-port'
import type { InspectionsPort } from '../upstream/workorders/inspections-port'
import type { WorkOrdersPort } from '../upstream/workorders/workorders-port'
import { InspectionService } from './inspection-service'
import { SafetyReminderJobs } from './safety-jobs'
import { SafetyReminders } from './safety-reminders'
import { SafetyStore } from './safety-store'
import { SelfCheckService } from './self-check-service'

export interface SafetyFeature {
  selfCheck: SelfCheckService
  inspections: InspectionService
  reminders: SafetyReminders
  jobs: SafetyReminderJobs
}

/** 安全自查 and 入户安检, on the work-order system, the notification service and our tables. */
export function buildSafetyFeature(deps: {
  db: DataSource
  queues: QueueFactory
  queueNamespace: string
  logger: Logger
  now: () => Date
  inspections: InspectionsPort
  workorders: WorkOrdersPort
  customers: CustomersPort
  readCache: ReadCache
  publisher: NotificationPublisher
  /** Told when an inspection is booked in the app. */
  onInspectionBooked?: (accountNo: string, inspectionId: string) => Promise<void>
}): SafetyFeature {
  const { now } = deps
  const logger = deps.logger.child({ module: 'safety-checks' })
  const store = new SafetyStore(deps.db)
  const reminders = new SafetyReminders({
    store,
    inspections: deps.inspections,
    publisher: deps.publisher,
    logger,
    now,
  })
  return {
    selfCheck: new SelfCheckService({ store, inspections: deps.inspections, now }),
    inspections: new InspectionService({
      store,
      inspections: deps.inspections,
      workorders: deps.workorders,
      // The account's status and its meter's valve change when gas comes back.
      supplyRestored: async (accountNo) => {
        await deps.readCache.invalidate(cacheScope.account(accountNo), ['account', 'summary'])
        const account = await deps.customers.getAccount(accountNo).catch(() => null)
        if (account?.meterNo) {
          await deps.readCache.invalidate(cacheScope.meter(account.meterNo), ['meter'])
        }
      },
      ...(deps.onInspectionBooked ? { onBooked: deps.onInspectionBooked } : {}),
      now,
    }),
    reminders,
    jobs: new SafetyReminderJobs(deps.queues, deps.queueNamespace, () => reminders.run(), logger),
  }
}
