import type { DataSource } from 'typeorm'
import { BindingAttempts } from './accounts/binding-attempts'
import { BindingRepository } from './accounts/binding-repository'
import { BindingService } from './accounts/binding-service'
import { SmsBinding } from './accounts/sms-binding'
import { BillService, type BillingReads } from './bills/bill-service'
import { BillingHttpAdapter } from './upstream/billing/billing-http-adapter'
import { AgentLinkService } from './agent-links/agent-link-service'
import { AgentLinkStore } from './agent-links/agent-link-store'
import { ContentService } from './content/content-service'
import { LoginService } from './auth/login-service'
import { PlatformCredentials } from './auth/platform-credentials'
import { PrivacyService } from './auth/privacy-service'
import { SessionStore } from './auth/session-store'
import { SlidingWindowLimiter } from './auth/sliding-window'
import { SmsCodeService } from './auth/sms-codes'
import { UserRepository } from './auth/user-repository'
import { FamilyService } from './family/family-service'
import { SubscribeNotices } from './payments/adapters/subscribe-notices'
import { PaymentCredentials } from './payments/adapters/payment-credentials'
import { httpPaymentPorts } from './payments/adapters/payment-ports'
import { OrderRepository } from './payments/order-repository'
import { PayShareService } from './pay-shares/pay-share-service'
import { ShareStore } from './pay-shares/share-store'
import { createPayments, type PaymentsModule } from './payments/payments-module'
import type { PaymentSettings } from './payments/payment-settings'
import type { PaymentPorts } from './payments/ports'
import { httpReconciliationPorts } from './reconciliation/adapters/http-reconciliation-ports'
import type { ReconciliationPorts } from './reconciliation/ports'
import {
  startReconciliation,
  type ReconciliationModule,
} from './reconciliation/reconciliation-module'
import { InviteStore } from './family/invite-store'
import type { Config } from './platform/config'
import { openDatabase } from './platform/db/data-source'
import { IdempotencyStore } from './platform/http/idempotency'
import type { ReadinessCheck } from './platform/http/health'
import { createLogger, type Logger } from './platform/logger'
import { createMetrics, type Metrics } from './platform/metrics'
import { QueueFactory } from './platform/queues'
import { createRedis, type Redis } from './platform/redis'
import { redisLock } from './platform/redis-lock'
import { SandboxCredentials } from './platform/sandbox-credentials'
import { UpstreamClient } from './platform/upstream-client'
import { AlipayAuthAdapter } from './upstream/alipay/alipay-auth-adapter'
import { AlipayGatewayClient } from './upstream/alipay/alipay-gateway-client'
import { ContentHttpAdapter } from './upstream/content/content-http-adapter'
import type { ContentPort } from './upstream/content/content-port'
import type { AlipayAuthPort } from './upstream/alipay/alipay-port'
import { CustomersHttpAdapter } from './upstream/customers/customers-http-adapter'
import type { CustomersPort } from './upstream/customers/customers-port'
import { SmsHttpAdapter } from './upstream/sms/sms-http-adapter'
import type { SmsPort } from './upstream/sms/sms-port'
import { WechatAccessTokens } from './upstream/wechat/access-token'
import { WechatSubscribeMessages } from './upstream/wechat/subscribe-messages'
import { WechatHttpAdapter } from './upstream/wechat/wechat-http-adapter'
import type { WechatPort } from './upstream/wechat/wechat-port'

/** The upstream ports; tests swap a port here, never a module path. */
export interface Ports {
  customers: CustomersPort
  wechat: WechatPort
  alipay: AlipayAuthPort
  sms: SmsPort
  payments: PaymentPorts
  content: ContentPort
  /** Bills and what is owed, for the 账单 page (the payment adapters read billing themselves). */
  bills: BillingReads
}

/** Identity, binding and family use cases, built once here. */
export interface Services {
  login: LoginService
  sms: SmsCodeService
  privacy: PrivacyService
  bindings: BindingService
  smsBinding: SmsBinding
  family: FamilyService
  content: ContentService
  bills: BillService
}

export interface Container {
  config: Config
  logger: Logger
  metrics: Metrics
  db: DataSource
  redis: Redis
  queues: QueueFactory
  sessions: SessionStore
  bindings: BindingRepository
  users: UserRepository
  idempotency: IdempotencyStore
  ports: Ports
  payments: PaymentsModule
  reconciliation: ReconciliationModule
  payShares: PayShareService
  agentLinks: AgentLinkService
  services: Services
  readiness: ReadinessCheck[]
  now: () => Date
  close: () => Promise<void>
}

export interface ContainerOverrides {
  ports?: Partial<Ports>
  payments?: Partial<PaymentSettings>
  reconciliation?: ReconciliationPorts
  logger?: Logger
  now?: () => Date
}

/** Builds and wires everything, in one place. */
export async function createContainer(
  config: Config,
  overrides: ContainerOverrides = {},
): Promise<Container> {
  const logger = overrides.logger ?? createLogger(config.logLevel)
  const metrics = createMetrics()
  const db = await openDatabase(config.database)
  const redis = createRedis(config.redisUrl)
  const queues = new QueueFactory(config.redisUrl, logger)

  const customersClient = new UpstreamClient({
    port: 'customers',
    baseUrl: config.upstream.customersUrl,
    timeoutMs: config.upstream.timeoutMs,
    logger,
    metrics,
  })
  const clientFor = (port: string, baseUrl: string) =>
    new UpstreamClient({ port, baseUrl, timeoutMs: config.upstream.timeoutMs, logger, metrics })
  const wechatClient = clientFor('wechat', config.wechat.apiUrl)
  const smsClient = clientFor('sms', config.sms.apiUrl)
  const alipayUrl = new URL(config.alipay.gatewayUrl)
  const alipayClient = clientFor('alipay', alipayUrl.origin)
  const sandboxClient = clientFor('sandbox', config.sandboxUrl)
  // No setting of its own yet: the content port follows UPSTREAM_BASE_URL.
  const contentClient = clientFor('content', config.sandboxUrl)
  const sandboxCredentials = new SandboxCredentials(config.env === 'production', sandboxClient)
  const credentials = new PlatformCredentials(config, sandboxCredentials)
  const now = overrides.now ?? (() => new Date())
  const customers = overrides.ports?.customers ?? new CustomersHttpAdapter(customersClient)
  const payClients = {
    wechatpay: clientFor('wechatpay', new URL(config.payments.wechatpay.apiUrl).origin),
    billing: clientFor('billing', config.payments.billingUrl),
    meters: clientFor('meters', config.payments.metersUrl),
  }
  const orderRows = new OrderRepository(db, now)
  const payCredentials = new PaymentCredentials(config, sandboxCredentials, credentials)
  const bindings = new BindingRepository(db)
  const users = new UserRepository(db)
  const orderTemplateId = config.wechat.orderTemplateId
  const notices = orderTemplateId
    ? new SubscribeNotices({
        messages: new WechatSubscribeMessages(
          wechatClient,
          new WechatAccessTokens(
            wechatClient,
            () => credentials.wechat(),
            redis,
            redisLock(redis, config.rateLimitNamespace, {
              ttlMs: 10_000,
              waitMs: 10_000,
              busyMessage: '系统繁忙，请稍后再试',
            }),
            config.rateLimitNamespace,
          ),
        ),
        templateId: orderTemplateId,
        openidOf: async (userId) =>
          (await users.identitiesOf(userId)).find((i) => i.provider === 'wechat')?.subject ?? null,
        isBound: (userId, accountNo) => bindings.isBound(userId, accountNo),
        logger,
        now,
      })
    : undefined
  const ports: Ports = {
    customers,
    wechat:
      overrides.ports?.wechat ?? new WechatHttpAdapter(wechatClient, () => credentials.wechat()),
    alipay:
      overrides.ports?.alipay ??
      new AlipayAuthAdapter(
        new AlipayGatewayClient(alipayClient, alipayUrl.pathname, () => credentials.alipay(), now),
      ),
    sms: overrides.ports?.sms ?? new SmsHttpAdapter(smsClient),
    content: overrides.ports?.content ?? new ContentHttpAdapter(contentClient),
    bills: overrides.ports?.bills ?? new BillingHttpAdapter(payClients.billing),
    payments:
      overrides.ports?.payments ??
      httpPaymentPorts({
        config,
        credentials: payCredentials,
        clients: payClients,
        customers,
        orders: (id) => orderRows.find(id),
        alipay: new AlipayGatewayClient(
          alipayClient,
          alipayUrl.pathname,
          () => payCredentials.alipay(),
          now,
        ),
        ...(notices ? { notices } : {}),
        logger,
        now,
      }),
  }

  const sessions = new SessionStore(redis, config.sessionTtlSeconds)
  const ns = config.rateLimitNamespace
  const bindingService = new BindingService(
    bindings,
    ports.customers,
    new BindingAttempts(redis, ns, now),
    now,
  )
  const services: Services = {
    login: new LoginService(users, sessions, now),
    sms: new SmsCodeService(
      redis,
      ports.sms,
      config.sessionSecret,
      ns,
      now,
      config.smsPerIpPerHour,
    ),
    privacy: new PrivacyService(users, bindings, bindingService, sessions, now),
    bindings: bindingService,
    smsBinding: new SmsBinding({
      redis,
      secret: config.sessionSecret,
      namespace: ns,
      customers: ports.customers,
      sms: ports.sms,
      bindings: bindingService,
      now,
    }),
    family: new FamilyService(
      bindings,
      users,
      new InviteStore(redis, config.familyInviteTtlSeconds),
      new SlidingWindowLimiter(
        redis,
        ns,
        { name: 'invite-accept', limit: 10, windowSeconds: 3600, lockSeconds: 3600 },
        now,
      ),
      config.familyInviteTtlSeconds,
      now,
    ),
    content: new ContentService(ports.content),
    bills: new BillService(ports.bills),
  }

  const payments = createPayments({
    db,
    queues,
    ports: ports.payments,
    users,
    logger,
    now,
    lock: redisLock(redis, config.rateLimitNamespace, {
      ttlMs: 10_000,
      waitMs: 5_000,
      busyMessage: '该户号有一笔缴费正在提交，请稍候再试',
    }),
    settings: { ...config.paymentTimings, ...overrides.payments },
  })
  const reconciliation = startReconciliation({
    db,
    queues,
    payments,
    paymentPorts: ports.payments,
    ports:
      overrides.reconciliation ??
      httpReconciliationPorts({
        config,
        credentials: payCredentials,
        clients: { ...payClients, alipay: alipayClient },
        now,
      }),
    logger,
    now,
  })

  const payShares = new PayShareService(
    new ShareStore(redis, config.rateLimitNamespace, 3 * 24 * 3600),
    bindings,
    ports.payments.accounts,
    payments.orders,
    payments.recharges,
    payments.reads,
    now,
  )

  const readiness: ReadinessCheck[] = [
    { name: 'database', check: async () => void (await db.query('SELECT 1')) },
    { name: 'redis', check: async () => void (await redis.ping()) },
    { name: 'customers', check: () => CustomersHttpAdapter.probe(config.upstream.customersUrl) },
  ]

  return {
    config,
    logger,
    metrics,
    db,
    redis,
    queues,
    sessions,
    bindings,
    users,
    idempotency: new IdempotencyStore(redis),
    ports,
    payments,
    reconciliation,
    payShares,
    agentLinks: new AgentLinkService(
      new AgentLinkStore(redis, config.sessionSecret, ns),
      bindingService,
      bindings,
      customers,
      now,
    ),
    services,
    readiness,
    now,
    close: async () => {
      await payments.stop()
      await queues.close()
      await customersClient.close()
      for (const client of [wechatClient, smsClient, alipayClient, sandboxClient, contentClient])
        await client.close()
      for (const client of Object.values(payClients)) await client.close()
      redis.disconnect()
      await db.destroy()
    },
  }
}
