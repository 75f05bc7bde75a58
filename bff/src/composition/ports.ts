import type { BindingRepository } from '../accounts/binding-repository'
import type { UserRepository } from '../auth/user-repository'
import type { OrderRepository } from '../payments/order-repository'
import type { PaymentPorts } from '../payments/ports'
import type { ReconciliationPorts } from '../reconciliation/ports'
import { GasForecaster } from '../usage/gas-forecast'
import { redisLock } from '../platform/redis-lock'
import { SandboxCredentials } from '../platform/sandbox-credentials'
import { UpstreamClient } from '../platform/upstream-client'
import { AlipayAuthAdapter } from '../upstream/alipay/alipay-auth-adapter'
import { AlipayBillSource } from '../upstream/alipay/alipay-bill-source'
import { alipayCredentials } from '../upstream/alipay/alipay-credentials'
import { AlipayGatewayClient } from '../upstream/alipay/alipay-gateway-client'
import { alipaySdk } from '../upstream/alipay/alipay-sdk'
import type { AlipayAuthPort, AlipayMessagesPort } from '../upstream/alipay/alipay-port'
import { AlipayTemplateMessages } from '../upstream/alipay/alipay-template-messages'
import { AlipayTradeProvider } from '../upstream/alipay/alipay-trade-provider'
import { BillingCreditTarget } from '../upstream/billing/billing-credit-target'
import { BillingHeatingAdapter } from '../upstream/billing/billing-heating-adapter'
import type { HeatingDesk } from '../upstream/billing/billing-heating-port'
import { BillingHttpAdapter } from '../upstream/billing/billing-http-adapter'
import type { BillingReads, TariffReads } from '../upstream/billing/billing-port'
import { CachedBillingReads } from '../upstream/billing/cached-billing-reads'
import { UpstreamPaymentAccounts } from '../upstream/billing/upstream-payment-accounts'
import { ContentHttpAdapter } from '../upstream/content/content-http-adapter'
import { CachedContent } from '../upstream/content/cached-content'
import type { ContentPort } from '../upstream/content/content-port'
import { AccountChangesHttpAdapter } from '../upstream/customers/account-changes-http-adapter'
import type { AccountChangesPort } from '../upstream/customers/account-changes-port'
import { CachedCustomers } from '../upstream/customers/cached-customers'
import { CustomersConnectionsAdapter } from '../upstream/customers/customers-connections-adapter'
import type { ConnectionsPort } from '../upstream/customers/customers-connections-port'
import { CustomersHttpAdapter } from '../upstream/customers/customers-http-adapter'
import type { CustomersPort } from '../upstream/customers/customers-port'
import { CachedMeters } from '../upstream/meters/cached-meters'
import { MetersHttpAdapter } from '../upstream/meters/meters-http-adapter'
import type { MetersPort } from '../upstream/meters/meters-port'
import { SmsHttpAdapter } from '../upstream/sms/sms-http-adapter'
import type { SmsPort } from '../upstream/sms/sms-port'
import { WechatAccessTokens } from '../upstream/wechat/access-token'
import { WechatSubscribeMessages } from '../upstream/wechat/subscribe-messages'
import { wechatCredentials } from '../upstream/wechat/wechat-credentials'
import { WechatHttpAdapter } from '../upstream/wechat/wechat-http-adapter'
import type { SubscribeMessagesPort, WechatPort, WxaCodePort } from '../upstream/wechat/wechat-port'
import { WechatWxaCodes } from '../upstream/wechat/wxa-codes'
import { WechatPayBillSource } from '../upstream/wechatpay/wechatpay-bill-source'
import { WechatPayClient } from '../upstream/wechatpay/wechatpay-client'
import { InspectionsHttpAdapter } from '../upstream/workorders/inspections-http-adapter'
import type { InspectionsPort } from '../upstream/workorders/inspections-port'
import { WorkOrdersHttpAdapter } from '../upstream/workorders/workorders-http-adapter'
import type { WorkOrdersPort } from '../upstream/workorders/workorders-port'
import { WorkOrdersServiceAdapter } from '../upstream/workorders/workorders-service-adapter'
import type { HelpDeskPort, IgnitionPort } from '../upstream/workorders/workorders-service-port'
import { wechatPayKeys } from '../upstream/wechatpay/wechatpay-credentials'
import { WechatPayProvider } from '../upstream/wechatpay/wechatpay-provider'
import type { Platform } from './platform'

/** Every upstream port the features use; tests swap a port here, never a module path. */
export interface Ports {
  customers: CustomersPort
  wechat: WechatPort
  alipay: AlipayAuthPort
  sms: SmsPort
  content: ContentPort
  /** Meter readings, for 用量 and the gas forecast. */
  meters: MetersPort
  /** Bills and what is owed, for the 账单 page. */
  bills: BillingReads
  payments: UpstreamPaymentPorts
  reconciliation: ReconciliationPorts
  /** Repairs (报修) in the utility's work-order system. */
  workorders: WorkOrdersPort
  /** 入户安检 at the work-order system. */
  inspections: InspectionsPort
  /** WeChat subscription messages (订阅消息): one access token for every feature that sends. */
  wechatMessages: SubscribeMessagesPort
  /** Mini-program codes (wxacode.getUnlimited); null when no mini-program is configured. */
  wxaCodes: WxaCodePort | null
  /** Alipay mini-program subscription messages (订阅消息). */
  alipayMessages: AlipayMessagesPort
  /** Billing as it is now, uncached: the notification watches must see a new bill at once. */
  billing: BillingReads
  /** Billing's 报停 / 恢复供暖 applications and 室温不达标 complaints. */
  heating: HeatingDesk
  /** The CIS's 过户 / 销户 / 信息变更 requests. */
  accountChanges: AccountChangesPort
  /** 报装 applications in the CIS. */
  connections: ConnectionsPort
  /** 通气点火 visits in the work-order system. */
  ignition: IgnitionPort
  /** The service desks' 一键求助 queue. */
  helpDesk: HelpDeskPort
  /** The same upstreams through the read cache, for what screens show. */
  reads: ReadPorts
}

/**
 * Reads that may be a few seconds old (see platform/cache): the home page, 账单, the account
 * and payment-option screens. Checks (holder proof, binding), writes and the payment core's
 * decisions use the ports above, which always ask the upstream.
 */
export interface ReadPorts {
  customers: CustomersPort
  billing: BillingReads & TariffReads
  meters: MetersPort
  content: ContentPort
}

/**
 * The payment core's ports as the upstreams give them: how residents hear of an order comes
 * from the notification service (composition/services.ts) unless a test gives its own.
 */
export type UpstreamPaymentPorts = Omit<PaymentPorts, 'notices'> &
  Partial<Pick<PaymentPorts, 'notices'>>

/** Our own records some adapters look up (the payer's openid, an order's paid time). */
interface PortRecords {
  orders: OrderRepository
  users: UserRepository
  bindings: BindingRepository
}

interface BuiltPorts {
  ports: Ports
  /** Closes every upstream client's connections. */
  close(): Promise<void>
}

/**
 * Builds each upstream client and adapter once and shares it between the ports that use it (one
 * Alipay gateway for login, trades and bills; one WeChat Pay client; one billing adapter), so
 * they share connections, breakers and credentials. A port given in `overrides` replaces ours.
 */
export function buildPorts(
  platform: Platform,
  records: PortRecords,
  overrides: Partial<Ports> = {},
): BuiltPorts {
  const { config, logger, metrics, redis, now } = platform
  const clients: UpstreamClient[] = []
  const clientFor = (port: string, baseUrl: string) => {
    const client = new UpstreamClient({
      port,
      baseUrl,
      timeoutMs: config.upstream.timeoutsMs[port] ?? config.upstream.timeoutMs,
      pool: {
        connections: config.upstream.connections,
        keepAliveMs: config.upstream.keepAliveMs,
        connectTimeoutMs: config.upstream.connectTimeoutMs,
      },
      concurrency: {
        ...config.upstreamConcurrency.default,
        ...config.upstreamConcurrency.ports[port],
      },
      logger,
      metrics,
    })
    clients.push(client)
    return client
  }
  const { upstream } = config
  const sandbox = new SandboxCredentials(
    config.env === 'production',
    clientFor('sandbox', upstream.sandbox.baseUrl),
  )

  const wechatClient = clientFor('wechat', upstream.wechat.baseUrl)
  const wechatApp = wechatCredentials(config, sandbox)
  const alipayUrl = new URL(upstream.alipay.baseUrl)
  const alipayApp = alipaySdk(alipayCredentials(config, sandbox))
  const alipay = new AlipayGatewayClient(
    clientFor('alipay', alipayUrl.origin),
    alipayUrl.pathname,
    alipayApp,
    now,
  )
  const wechatpayUrl = new URL(upstream.wechatpay.baseUrl)
  const merchantKeys = wechatPayKeys(config, sandbox)
  const wechatpay = new WechatPayClient(
    clientFor('wechatpay', wechatpayUrl.origin),
    wechatpayUrl.pathname,
    merchantKeys,
  )
  const billingClient = clientFor('billing', upstream.billing.baseUrl)
  const billing = new BillingHttpAdapter(billingClient)
  const meters =
    overrides.meters ?? new MetersHttpAdapter(clientFor('meters', upstream.meters.baseUrl))
  const customersClient = clientFor('customers', upstream.customers.baseUrl)
  const customers = overrides.customers ?? new CustomersHttpAdapter(customersClient)
  const content =
    overrides.content ?? new ContentHttpAdapter(clientFor('content', upstream.content.baseUrl))
  const { readCache } = platform
  const reads: ReadPorts = {
    customers: new CachedCustomers(customers, readCache),
    billing: new CachedBillingReads(billing, readCache),
    meters: new CachedMeters(meters, readCache),
    content: new CachedContent(content, readCache),
  }

  const wechatTokens = (() => {
    const namespace = config.rateLimitNamespace
    const tokenLock = redisLock(redis, namespace, {
      ttlMs: 10_000,
      waitMs: 10_000,
      busyMessage: '系统繁忙，请稍后再试',
    })
    return new WechatAccessTokens(wechatClient, wechatApp, redis, tokenLock, namespace)
  })()
  const wechatMessages =
    overrides.wechatMessages ?? new WechatSubscribeMessages(wechatClient, wechatTokens)
  // A mini-program is configured in production by its appid; elsewhere the sandbox is one.
  const wechatAppConfigured = !!config.wechat.appId || config.env !== 'production'

  const publicBase = config.payments.publicBaseUrl.replace(/\/$/, '')
  const paymentPorts = (): UpstreamPaymentPorts => ({
    providers: {
      wechatpay: new WechatPayProvider(wechatpay, merchantKeys, {
        notifyUrl: `${publicBase}/api/v1/notify/wechatpay`,
        cashierOrigin: config.payments.cashierUrl,
        h5ReturnUrl: ({ outTradeNo, accountNo, purpose }) => {
          const query = new URLSearchParams({ orderNo: outTradeNo, accountNo, purpose })
          return `${publicBase}/#/pages/orders/detail?${query.toString()}`
        },
        h5PayerOpenid: config.payments.wechatpay.h5PayerOpenid,
      }),
      alipay: new AlipayTradeProvider(alipay, alipayApp, `${publicBase}/api/v1/notify/alipay`),
    },
    credit: new BillingCreditTarget(
      customers,
      billing,
      meters,
      (orderId) => records.orders.find(orderId),
      now,
    ),
    accounts: new UpstreamPaymentAccounts(customers, billing, new GasForecaster(meters, now)),
    readAccounts: new UpstreamPaymentAccounts(
      reads.customers,
      reads.billing,
      new GasForecaster(reads.meters, now),
    ),
  })

  const workordersClient = clientFor('workorders', upstream.workorders.baseUrl)
  const ports: Ports = {
    customers,
    wechat: overrides.wechat ?? new WechatHttpAdapter(wechatClient, wechatApp),
    alipay: overrides.alipay ?? new AlipayAuthAdapter(alipay),
    sms: overrides.sms ?? new SmsHttpAdapter(clientFor('sms', upstream.sms.baseUrl)),
    content,
    meters,
    bills: overrides.bills ?? reads.billing,
    payments: overrides.payments ?? paymentPorts(),
    reconciliation: overrides.reconciliation ?? {
      bills: {
        wechatpay: new WechatPayBillSource(wechatpay),
        alipay: new AlipayBillSource(alipay),
      },
      ledger: billing,
    },
    workorders: overrides.workorders ?? new WorkOrdersHttpAdapter(workordersClient),
    inspections: overrides.inspections ?? new InspectionsHttpAdapter(workordersClient),
    wechatMessages,
    wxaCodes:
      overrides.wxaCodes !== undefined
        ? overrides.wxaCodes
        : wechatAppConfigured
          ? new WechatWxaCodes(wechatClient, wechatTokens)
          : null,
    alipayMessages: overrides.alipayMessages ?? new AlipayTemplateMessages(alipay),
    billing: overrides.billing ?? overrides.bills ?? billing,
    heating: overrides.heating ?? new BillingHeatingAdapter(billingClient),
    accountChanges: overrides.accountChanges ?? new AccountChangesHttpAdapter(customersClient),
    connections: overrides.connections ?? new CustomersConnectionsAdapter(customersClient),
    ignition: overrides.ignition ?? new WorkOrdersServiceAdapter(workordersClient),
    helpDesk: overrides.helpDesk ?? new WorkOrdersServiceAdapter(workordersClient),
    reads,
  }
  return {
    ports,
    close: async () => {
      for (const client of clients) await client.close()
    },
  }
}
