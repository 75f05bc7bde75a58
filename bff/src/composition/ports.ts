import type { BindingRepository } from '../accounts/binding-repository'
import type { UserRepository } from '../auth/user-repository'
import type { OrderRepository } from '../payments/order-repository'
import type { PaymentPorts, ResidentNotices } from '../payments/ports'
import { LoggedNotices } from '../payments/resident-notices'
import { SubscribeNotices } from '../payments/subscribe-notices'
import type { ReconciliationPorts } from '../reconciliation/ports'
import { redisLock } from '../platform/redis-lock'
import { SandboxCredentials } from '../platform/sandbox-credentials'
import { UpstreamClient } from '../platform/upstream-client'
import { AlipayAuthAdapter } from '../upstream/alipay/alipay-auth-adapter'
import { AlipayBillSource } from '../upstream/alipay/alipay-bill-source'
import { alipayCredentials } from '../upstream/alipay/alipay-credentials'
import { AlipayGatewayClient } from '../upstream/alipay/alipay-gateway-client'
import type { AlipayAuthPort } from '../upstream/alipay/alipay-port'
import { AlipayTradeProvider } from '../upstream/alipay/alipay-trade-provider'
import { BillingCreditTarget } from '../upstream/billing/billing-credit-target'
import { BillingHttpAdapter } from '../upstream/billing/billing-http-adapter'
import type { BillingReads } from '../upstream/billing/billing-port'
import { UpstreamPaymentAccounts } from '../upstream/billing/upstream-payment-accounts'
import { ContentHttpAdapter } from '../upstream/content/content-http-adapter'
import type { ContentPort } from '../upstream/content/content-port'
import { CustomersHttpAdapter } from '../upstream/customers/customers-http-adapter'
import type { CustomersPort } from '../upstream/customers/customers-port'
import { MetersHttpAdapter } from '../upstream/meters/meters-http-adapter'
import { SmsHttpAdapter } from '../upstream/sms/sms-http-adapter'
import type { SmsPort } from '../upstream/sms/sms-port'
import { WechatAccessTokens } from '../upstream/wechat/access-token'
import { WechatSubscribeMessages } from '../upstream/wechat/subscribe-messages'
import { wechatCredentials } from '../upstream/wechat/wechat-credentials'
import { WechatHttpAdapter } from '../upstream/wechat/wechat-http-adapter'
import type { WechatPort } from '../upstream/wechat/wechat-port'
import { WechatPayBillSource } from '../upstream/wechatpay/wechatpay-bill-source'
import { WechatPayClient } from '../upstream/wechatpay/wechatpay-client'
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
  /** Bills and what is owed, for the 账单 page. */
  bills: BillingReads
  payments: PaymentPorts
  reconciliation: ReconciliationPorts
}

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
      timeoutMs: config.upstream.timeoutMs,
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
  const alipayApp = alipayCredentials(config, sandbox)
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
  const billing = new BillingHttpAdapter(clientFor('billing', upstream.billing.baseUrl))
  const meters = new MetersHttpAdapter(clientFor('meters', upstream.meters.baseUrl))
  const customers =
    overrides.customers ??
    new CustomersHttpAdapter(clientFor('customers', upstream.customers.baseUrl))

  /** 缴费结果通知 as WeChat subscription messages when a template is set; else only logged. */
  const residentNotices = (): ResidentNotices => {
    const templateId = config.wechat.orderTemplateId
    if (!templateId) return new LoggedNotices(logger)
    const namespace = config.rateLimitNamespace
    const tokenLock = redisLock(redis, namespace, {
      ttlMs: 10_000,
      waitMs: 10_000,
      busyMessage: '系统繁忙，请稍后再试',
    })
    const tokens = new WechatAccessTokens(wechatClient, wechatApp, redis, tokenLock, namespace)
    return new SubscribeNotices({
      messages: new WechatSubscribeMessages(wechatClient, tokens),
      templateId,
      openidOf: async (userId) =>
        (await records.users.identitiesOf(userId)).find((i) => i.provider === 'wechat')?.subject ??
        null,
      isBound: (userId, accountNo) => records.bindings.isBound(userId, accountNo),
      logger,
      now,
    })
  }

  const publicBase = config.payments.publicBaseUrl.replace(/\/$/, '')
  const paymentPorts = (): PaymentPorts => ({
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
    accounts: new UpstreamPaymentAccounts(customers, billing, meters, now),
    notices: residentNotices(),
  })

  const ports: Ports = {
    customers,
    wechat: overrides.wechat ?? new WechatHttpAdapter(wechatClient, wechatApp),
    alipay: overrides.alipay ?? new AlipayAuthAdapter(alipay),
    sms: overrides.sms ?? new SmsHttpAdapter(clientFor('sms', upstream.sms.baseUrl)),
    content:
      overrides.content ?? new ContentHttpAdapter(clientFor('content', upstream.content.baseUrl)),
    bills: overrides.bills ?? billing,
    payments: overrides.payments ?? paymentPorts(),
    reconciliation: overrides.reconciliation ?? {
      bills: {
        wechatpay: new WechatPayBillSource(wechatpay),
        alipay: new AlipayBillSource(alipay),
      },
      ledger: billing,
    },
  }
  return {
    ports,
    close: async () => {
      for (const client of clients) await client.close()
    },
  }
}
