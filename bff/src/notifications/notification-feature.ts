import type { DataSource } from 'typeorm'
import type { BindingRepository } from '../accounts/binding-repository'
import type { UserRepository } from '../auth/user-repository'
import type { Logger } from '../platform/logger'
import type { QueueFactory } from '../platform/queues'
import type { OnRepairStep } from '../repairs/repair-sync'
import type { AlipayMessagesPort } from '../upstream/alipay/alipay-port'
import type { BillingReads } from '../upstream/billing/billing-port'
import type { ContentPort } from '../upstream/content/content-port'
import type { CustomersPort } from '../upstream/customers/customers-port'
import type { SmsPort } from '../upstream/sms/sms-port'
import type { SubscribeMessagesPort } from '../upstream/wechat/wechat-port'
import { Audience } from './audience'
import { BalanceWatch } from './balance-watch'
import { BillWatch, type BillWatchSettings } from './bill-watch'
import { EventStore } from './event-store'
import { InboxService } from './inbox-service'
import { InboxStore } from './inbox-store'
import { NotificationDelivery, type Channels } from './notification-delivery'
import { NotificationJobs } from './notification-jobs'
import { NotificationService } from './notification-service'
import {
  PAYMENT_RESULT_KEYWORDS,
  REPAIR_STEP_KEYWORDS,
  SANDBOX_TEMPLATES,
  resolveTemplates,
  type ConfiguredTemplates,
} from './notification-templates'
import { PaymentResultNotices } from './payment-results'
import { repairStepNotifier } from './repair-steps'
import { SendLog } from './send-log'
import { NotificationSettingsService } from './settings-service'
import { SettingsStore } from './settings-store'
import { SupplyStopWatch } from './supply-stop-watch'

export interface NotificationOptions {
  /** Configured templates; null: the sandbox's outside production, none in production. */
  templates: ConfiguredTemplates | null
  production: boolean
  /** The older single-template settings (缴费结果, 报修进度), kept working. */
  orderTemplateId: string | null
  repairTemplateId: string | null
  polls: { supplyStopsMs: number; billsMs: number; balancesMs: number }
  bills: BillWatchSettings
  queueNamespace: string
}

export interface NotificationDeps {
  db: DataSource
  queues: QueueFactory
  logger: Logger
  now: () => Date
  bindings: BindingRepository
  users: UserRepository
  customers: CustomersPort
  content: ContentPort
  bills: BillingReads
  sms: SmsPort
  wechatMessages: SubscribeMessagesPort
  alipayMessages: AlipayMessagesPort
}

/** Everything of the notification feature, built once by the composition root. */
export interface Notifications {
  service: NotificationService
  delivery: NotificationDelivery
  jobs: NotificationJobs
  settings: NotificationSettingsService
  inbox: InboxService
  sends: SendLog
  watches: { supplyStops: SupplyStopWatch; bills: BillWatch; balances: BalanceWatch }
  /** The payment core's `ResidentNotices`. */
  paymentResults: PaymentResultNotices
  /** The repairs feature's `onRepairStep` hook. */
  onRepairStep: OnRepairStep
  /** Starts the delivery worker and the watches' schedulers. */
  start(): void
}

function templatesOf(options: NotificationOptions): ConfiguredTemplates {
  const base = options.templates ?? (options.production ? {} : SANDBOX_TEMPLATES)
  const wechat = { ...base.wechat }
  if (options.orderTemplateId && !options.templates?.wechat?.payment_result) {
    wechat.payment_result = {
      templateId: options.orderTemplateId,
      keywords: PAYMENT_RESULT_KEYWORDS,
    }
  }
  if (options.repairTemplateId && !options.templates?.wechat?.repair_step) {
    wechat.repair_step = { templateId: options.repairTemplateId, keywords: REPAIR_STEP_KEYWORDS }
  }
  return { wechat, alipay: { ...base.alipay } }
}

export function buildNotifications(
  deps: NotificationDeps,
  options: NotificationOptions,
): Notifications {
  const { db, logger: parent, now, bindings, users } = deps
  const logger = parent.child({ module: 'notifications' })
  const events = new EventStore(db)
  const inboxStore = new InboxStore(db)
  const settingsStore = new SettingsStore(db)
  const sends = new SendLog(db)
  const channels: Channels = {
    wechat: deps.wechatMessages,
    alipay: deps.alipayMessages,
    sms: deps.sms,
    templates: resolveTemplates(templatesOf(options)),
  }
  const jobs = new NotificationJobs(deps.queues, options.queueNamespace, logger)
  const service = new NotificationService({
    events,
    inbox: inboxStore,
    settings: settingsStore,
    bindings,
    deliveries: jobs,
    logger,
    now,
  })
  const delivery = new NotificationDelivery({
    events,
    settings: settingsStore,
    sends,
    users,
    bindings,
    channels,
    logger,
    now,
  })
  const audience = new Audience(db, deps.customers, now)
  const watches = {
    supplyStops: new SupplyStopWatch({
      db,
      audience,
      content: deps.content,
      bindings,
      settings: settingsStore,
      publisher: service,
      logger,
      now,
    }),
    bills: new BillWatch({
      audience,
      bills: deps.bills,
      publisher: service,
      settings: options.bills,
      logger,
      now,
    }),
    balances: new BalanceWatch({
      audience,
      bills: deps.bills,
      bindings,
      settings: settingsStore,
      publisher: service,
      logger,
      now,
    }),
  }
  return {
    service,
    delivery,
    jobs,
    settings: new NotificationSettingsService({
      settings: settingsStore,
      users,
      customers: deps.customers,
      channels,
      now,
    }),
    inbox: new InboxService(inboxStore, now),
    sends,
    watches,
    paymentResults: new PaymentResultNotices(service),
    onRepairStep: repairStepNotifier(service, logger),
    start: () =>
      jobs.start(
        (dedupeKey, userId, last) => delivery.deliver(dedupeKey, userId, last),
        [
          {
            name: 'supply-stops',
            everyMs: options.polls.supplyStopsMs,
            run: () => watches.supplyStops.poll(),
          },
          { name: 'bills', everyMs: options.polls.billsMs, run: () => watches.bills.poll() },
          {
            name: 'balances',
            everyMs: options.polls.balancesMs,
            run: () => watches.balances.poll(),
          },
        ],
      ),
  }
}
