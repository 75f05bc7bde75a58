import { AgentLinkService } from '../agent-links/agent-link-service'
import { AgentLinkStore } from '../agent-links/agent-link-store'
import {
  agentStoreOf,
  agentTaskHooks,
  buildAgentFeature,
  type AgentFeature,
} from '../agents/agent-feature'
import { BindingAttempts } from '../accounts/binding-attempts'
import { BindingRepository } from '../accounts/binding-repository'
import { BindingService } from '../accounts/binding-service'
import { SmsBinding } from '../accounts/sms-binding'
import { LoginService } from '../auth/login-service'
import { PrivacyService } from '../auth/privacy-service'
import { SessionStore } from '../auth/session-store'
import { SlidingWindowLimiter } from '../auth/sliding-window'
import { SmsCodeService } from '../auth/sms-codes'
import { UserRepository } from '../auth/user-repository'
import { BillService } from '../bills/bill-service'
import { ContentService } from '../content/content-service'
import { FamilyService } from '../family/family-service'
import { InviteStore } from '../family/invite-store'
import { PayShareService } from '../pay-shares/pay-share-service'
import { ShareStore } from '../pay-shares/share-store'
import { OrderCloser } from '../payments/order-close'
import { OrderRepository } from '../payments/order-repository'
import { PaymentIntake } from '../payments/payment-intake'
import { PaymentJobs } from '../payments/payment-jobs'
import { PaymentReads } from '../payments/payment-reads'
import { PaymentRecovery } from '../payments/payment-recovery'
import { defaultPaymentSettings, type PaymentSettings } from '../payments/payment-settings'
import { PaymentWatch } from '../payments/payment-watch'
import { accountReadsChanged } from '../payments/read-invalidation'
import { HomeService } from '../home/home-service'
import { BoundCache } from '../accounts/bound-cache'
import { GasForecaster } from '../usage/gas-forecast'
import { RechargeService, type PayerLookup } from '../payments/recharge-service'
import { Settlement } from '../payments/settlement'
import { IdempotencyStore } from '../platform/http/idempotency'
import { redisLock } from '../platform/redis-lock'
import { FindingStore } from '../reconciliation/finding-store'
import { ReconciliationOrders } from '../reconciliation/order-reads'
import { ReconciliationJobs } from '../reconciliation/reconciliation-jobs'
import { ReconciliationService } from '../reconciliation/reconciliation-service'
import { Repairs } from '../reconciliation/repairs'
import type { RepairPhotos } from '../repairs/photos/photo-service'
import { ConnectionService } from '../connections/connection-service'
import { cacheScope } from '../platform/cache/cache-kinds'
import { buildHeatingFeature, type HeatingFeature } from '../heating/heating-feature'
import { HelpAlertService } from '../help-alerts/help-alert-service'
import {
  buildAccountChangeFeature,
  type AccountChangeFeature,
} from '../account-changes/account-change-feature'
import { accountChangeNotifier, heatingNotifier } from '../notifications/service-results'
import { UsageService } from '../usage/usage-service'
import { buildSafetyFeature, type SafetyFeature } from '../safety-checks/safety-feature'
import type { Platform } from './platform'
import type { Ports } from './ports'
import {
  buildNotificationFeature,
  buildRepairPhotos,
  buildRepairs,
  type RepairFeature,
} from './repairs-and-messages'
import type { Notifications } from '../notifications/notification-feature'
import type { PaymentPorts } from '../payments/ports'

/** Our own records (database and Redis), each built once and shared by every feature. */
export interface Stores {
  users: UserRepository
  bindings: BindingRepository
  orders: OrderRepository
  sessions: SessionStore
  idempotency: IdempotencyStore
}

/** How long the binding guard believes a "bound" answer when no removal is heard (BoundCache). */
const BOUND_CACHE_MS = 5000

export function buildStores({
  config,
  db,
  redis,
  subscriber,
  logger,
  metrics,
  now,
}: Platform): Stores {
  const boundCache = new BoundCache({
    ttlMs: BOUND_CACHE_MS,
    publisher: redis,
    subscriber,
    channel: `${config.rateLimitNamespace}:bindings-removed`,
    onError: (err) => logger.warn({ err }, 'binding removals not announced or heard'),
  })
  return {
    users: new UserRepository(db),
    bindings: new BindingRepository(db, boundCache),
    orders: new OrderRepository(db, now, (to) => metrics.paymentTransitions.inc({ to_state: to })),
    sessions: new SessionStore(redis, config.sessionTtlSeconds),
    idempotency: new IdempotencyStore(redis),
  }
}

/** Identity, binding, family, content and bills use cases. */
interface Services {
  login: LoginService
  sms: SmsCodeService
  privacy: PrivacyService
  bindings: BindingService
  smsBinding: SmsBinding
  family: FamilyService
  content: ContentService
  bills: BillService
  usage: UsageService
}

/** The payment core. Its workers and sweep start in startWorkers. */
interface Payments {
  settings: PaymentSettings
  orders: OrderRepository
  jobs: PaymentJobs
  recharges: RechargeService
  reads: PaymentReads
  intake: PaymentIntake
  closer: OrderCloser
  watch: PaymentWatch
  settlement: Settlement
  recovery: PaymentRecovery
}

/** Daily reconciliation. Its scheduler starts in startWorkers. */
interface Reconciliation {
  service: ReconciliationService
  findings: FindingStore
  jobs: ReconciliationJobs
}

/** Every feature's services. A new feature adds its services here. */
export interface Features {
  services: Services
  payments: Payments
  reconciliation: Reconciliation
  payShares: PayShareService
  /** 报修照片; the repairs feature checks, claims and shows them through it. */
  repairPhotos: RepairPhotos
  agentLinks: AgentLinkService
  repairs: RepairFeature
  home: HomeService
  /** Messages to residents: settings, inbox, deliveries and the watches that find events. */
  notifications: Notifications
  /** 供暖: season, 报停 / 恢复供暖, 室温不达标. */
  heating: HeatingFeature
  /** 过户 / 销户 / 信息变更, and the bindings their decisions close. Its sync job starts in startWorkers. */
  accountChanges: AccountChangeFeature
  /** 客服工作台: agents, their tasks to residents and the audit log. */
  agents: AgentFeature
  /** 安全自查 and 入户安检, with their reminders. */
  safety: SafetyFeature
  /** 报装 and 通气点火. */
  connections: ConnectionService
  /** 一键求助. */
  helpAlerts: HelpAlertService
}

/** The ports as the features use them: payments tell residents through the notifications. */
type WiredPorts = Omit<Ports, 'payments'> & { payments: PaymentPorts }

/** Builds every use case once, on the ports and stores given; starts nothing. */
export function buildServices(
  platform: Platform,
  stores: Stores,
  upstream: Ports,
  paymentSettings: Partial<PaymentSettings> = {},
): Features {
  const { config, redis, now } = platform
  const notifications = buildNotificationFeature(platform, stores, upstream, paymentSettings)
  const agentStore = agentStoreOf(platform.db)
  const agentTasks = agentTaskHooks(agentStore, now, platform.logger.child({ module: 'agents' }))
  const residentNotices = upstream.payments.notices ?? notifications.paymentResults
  const ports: WiredPorts = {
    ...upstream,
    payments: {
      ...upstream.payments,
      notices: {
        orderSettled: async (notice) => {
          await agentTasks.onOrderSettled(notice)
          await residentNotices.orderSettled(notice)
        },
      },
    },
  }
  const ns = config.rateLimitNamespace
  const bindings = new BindingService(
    stores.bindings,
    ports.customers,
    new BindingAttempts(redis, ns, now),
    now,
  )
  const services: Services = {
    login: new LoginService(stores.users, stores.sessions, now),
    sms: new SmsCodeService(
      redis,
      ports.sms,
      config.sessionSecret,
      ns,
      now,
      config.smsPerIpPerHour,
    ),
    privacy: new PrivacyService(stores.users, stores.bindings, bindings, stores.sessions, now),
    bindings,
    smsBinding: new SmsBinding({
      redis,
      secret: config.sessionSecret,
      namespace: ns,
      customers: ports.customers,
      sms: ports.sms,
      bindings,
      now,
    }),
    family: new FamilyService(
      stores.bindings,
      stores.users,
      new InviteStore(redis, config.familyInviteTtlSeconds, ns),
      new SlidingWindowLimiter(
        redis,
        ns,
        { name: 'invite-accept', limit: 10, windowSeconds: 3600, lockSeconds: 3600 },
        now,
      ),
      config.familyInviteTtlSeconds,
      now,
      (accountNo) => bindings.settleBeforeAccess(accountNo),
    ),
    content: new ContentService(ports.content),
    bills: new BillService(ports.bills),
    usage: new UsageService(ports.reads.customers, ports.reads.meters, ports.bills, now),
  }
  const payments = buildPayments(platform, stores, ports, paymentSettings)
  const repairPhotos = buildRepairPhotos(platform)
  const repairs = buildRepairs(
    platform,
    stores,
    ports,
    repairPhotos,
    payments.settings.queueNamespace,
    notifications.onRepairStep,
    agentTasks.onRepairCreated,
  )
  const home = new HomeService(
    {
      ...ports.reads,
      outlooks: new GasForecaster(ports.reads.meters, now),
      orders: payments.reads,
      openRepair: (accountNo) => repairs.service.openRepairOf(accountNo),
      cache: platform.readCache,
    },
    now,
    config.homeBudgetMs,
  )
  const agentLinks = new AgentLinkService(
    new AgentLinkStore(redis, config.sessionSecret, ns),
    bindings,
    stores.bindings,
    ports.customers,
    now,
    agentTasks.onTaskOpened,
  )
  const safety = buildSafetyFeature({
    db: platform.db,
    queues: platform.queues,
    queueNamespace: payments.settings.queueNamespace,
    logger: platform.logger,
    now,
    inspections: ports.inspections,
    workorders: ports.workorders,
    customers: ports.customers,
    readCache: platform.readCache,
    publisher: notifications.service,
    onInspectionBooked: agentTasks.onInspectionBooked,
  })
  // A 过户 / 销户 voids what would still let someone into the account.
  bindings.onBindingsRevoked(async (accountNo) => {
    await services.family.voidInvites(accountNo)
    await agentLinks.voidLinks(accountNo)
  })
  return {
    repairPhotos,
    services,
    payments,
    home,
    reconciliation: buildReconciliation(platform, ports, payments),
    payShares: new PayShareService(
      new ShareStore(redis, ns, 3 * 24 * 3600),
      stores.bindings,
      ports.payments.accounts,
      payments.orders,
      payments.recharges,
      payments.reads,
      now,
      (accountNo) => bindings.settleBeforeAccess(accountNo),
    ),
    agentLinks,
    agents: buildAgentFeature({
      store: agentStore,
      redis,
      namespace: ns,
      customers: ports.customers,
      agentLinks,
      home,
      h5BaseUrl: config.payments.publicBaseUrl,
      wxaCodes: ports.wxaCodes,
      wxaEnvVersion: config.env === 'production' ? 'release' : 'develop',
      db: platform.db,
      payments: {
        facts: (accountNo) => ports.payments.accounts.facts(accountNo),
        create: async (cmd) => payments.reads.view(await payments.recharges.create(cmd)),
      },
      repairs: repairs.service,
      inspections: safety.inspections,
      phoneOf: async (userId) =>
        (await stores.users.identitiesOf(userId)).find((i) => i.provider === 'phone')?.subject ??
        null,
      secret: config.sessionSecret,
      now,
    }),
    repairs,
    notifications,
    safety,
    connections: new ConnectionService({
      db: platform.db,
      connections: ports.connections,
      ignition: ports.ignition,
      bindings: stores.bindings,
      photos: repairPhotos.documents,
      invalidate: (accountNo) =>
        platform.readCache.invalidate(cacheScope.account(accountNo), ['summary']),
      logger: platform.logger.child({ module: 'connections' }),
      now,
    }),
    helpAlerts: new HelpAlertService({
      db: platform.db,
      customers: ports.customers,
      desk: ports.helpDesk,
      bindings: stores.bindings,
      users: stores.users,
      notices: notifications.service,
      logger: platform.logger.child({ module: 'help-alerts' }),
      now,
    }),
    heating: buildHeatingFeature({
      billing: ports.billing,
      heating: ports.heating,
      photos: repairPhotos,
      readCache: platform.readCache,
      logger: platform.logger,
      notices: heatingNotifier(notifications.service, platform.logger),
    }),
    accountChanges: buildAccountChangeFeature({
      db: platform.db,
      queues: platform.queues,
      queueNamespace: payments.settings.queueNamespace,
      changes: ports.accountChanges,
      billing: ports.billing,
      photos: repairPhotos.documents,
      bindings,
      notices: accountChangeNotifier(notifications.service, platform.logger),
      readCache: platform.readCache,
      logger: platform.logger,
      now,
    }),
  }
}

function buildPayments(
  platform: Platform,
  stores: Stores,
  ports: WiredPorts,
  overrides: Partial<PaymentSettings>,
): Payments {
  const { config, queues, redis, now } = platform
  const logger = platform.logger.child({ module: 'payments' })
  const settings = { ...defaultPaymentSettings, ...config.paymentTimings, ...overrides }
  const { orders } = stores
  const jobs = new PaymentJobs(queues, settings.queueNamespace)
  const payers: PayerLookup = async (userId, channel) => {
    if (channel === 'h5') return null
    const identities = await stores.users.identitiesOf(userId)
    return identities.find((i) => i.provider === channel)?.subject ?? null
  }
  // A mutex shared by every instance: order creation is serialised per account.
  const accountLock = redisLock(redis, config.rateLimitNamespace, {
    ttlMs: 10_000,
    waitMs: 5_000,
    busyMessage: '该户号有一笔缴费正在提交，请稍候再试',
  })
  const p = ports.payments
  const intake = new PaymentIntake(orders, jobs, p, logger, now)
  return {
    settings,
    orders,
    jobs,
    recharges: new RechargeService(orders, jobs, p, payers, settings, now, accountLock),
    reads: new PaymentReads(orders, p.readAccounts ?? p.accounts, now),
    intake,
    closer: new OrderCloser(orders, intake, p, logger),
    watch: new PaymentWatch(orders, intake, p, settings, logger, now),
    settlement: new Settlement(
      orders,
      p,
      settings,
      logger,
      now,
      accountReadsChanged(platform.readCache, ports.reads.customers),
    ),
    recovery: new PaymentRecovery(orders, jobs, settings, logger, now),
  }
}

function buildReconciliation(
  platform: Platform,
  ports: WiredPorts,
  payments: Payments,
): Reconciliation {
  const { db, queues, now } = platform
  const logger = platform.logger.child({ module: 'reconciliation' })
  const findings = new FindingStore(db, now)
  const service = new ReconciliationService(
    ports.reconciliation,
    new ReconciliationOrders(db),
    findings,
    new Repairs(payments, ports.payments, logger),
    logger,
  )
  const jobs = new ReconciliationJobs(
    queues,
    payments.settings.queueNamespace,
    (day) => service.run(day),
    now,
    logger,
  )
  return { service, findings, jobs }
}
