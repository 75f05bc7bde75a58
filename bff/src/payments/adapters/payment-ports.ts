import type { Config } from '../../platform/config'
import type { Logger } from '../../platform/logger'
import type { UpstreamClient } from '../../platform/upstream-client'
import type { AlipayGatewayClient } from '../../upstream/alipay/alipay-gateway-client'
import { AlipayTradeProvider } from '../../upstream/alipay/alipay-trade-provider'
import { BillingHttpAdapter } from '../../upstream/billing/billing-http-adapter'
import type { CustomersPort } from '../../upstream/customers/customers-port'
import { MetersHttpAdapter } from '../../upstream/meters/meters-http-adapter'
import { WechatPayClient } from '../../upstream/wechatpay/wechatpay-client'
import { WechatPayProvider } from '../../upstream/wechatpay/wechatpay-provider'
import type { PaymentPorts, ResidentNotices } from '../ports'
import { LoggedNotices } from '../resident-notices'
import { BillingCreditTarget, type OrderFactsLookup } from './billing-credit-target'
import type { PaymentCredentials } from './payment-credentials'
import { UpstreamPaymentAccounts } from './upstream-payment-accounts'

export interface PaymentAdapterDeps {
  config: Pick<Config, 'payments'>
  credentials: PaymentCredentials
  clients: { wechatpay: UpstreamClient; billing: UpstreamClient; meters: UpstreamClient }
  customers: CustomersPort
  orders: OrderFactsLookup
  alipay: AlipayGatewayClient
  /** Subscription messages; without them the end states are only logged. */
  notices?: ResidentNotices
  logger: Logger
  now: () => Date
}

/** The payment core's ports over the real upstreams (the sandbox in development). */
export function httpPaymentPorts(deps: PaymentAdapterDeps): PaymentPorts {
  const { config, credentials, clients, customers, now } = deps
  const keys = () => credentials.wechatpay()
  const publicBase = config.payments.publicBaseUrl.replace(/\/$/, '')
  const wechatpay = new WechatPayProvider(
    new WechatPayClient(
      clients.wechatpay,
      new URL(config.payments.wechatpay.apiUrl).pathname,
      keys,
    ),
    keys,
    {
      notifyUrl: `${publicBase}/api/v1/notify/wechatpay`,
      cashierOrigin: config.payments.cashierUrl,
      h5ReturnUrl: ({ outTradeNo, accountNo, purpose }) => {
        const query = new URLSearchParams({ orderNo: outTradeNo, accountNo, purpose })
        return `${publicBase}/#/pages/orders/detail?${query.toString()}`
      },
      h5PayerOpenid: config.payments.wechatpay.h5PayerOpenid,
    },
  )
  const billing = new BillingHttpAdapter(clients.billing)
  const meters = new MetersHttpAdapter(clients.meters)
  return {
    providers: {
      wechatpay,
      alipay: new AlipayTradeProvider(
        deps.alipay,
        () => credentials.alipay(),
        `${publicBase}/api/v1/notify/alipay`,
      ),
    },
    credit: new BillingCreditTarget(customers, billing, meters, deps.orders, now),
    accounts: new UpstreamPaymentAccounts(customers, billing, meters, now),
    notices: deps.notices ?? new LoggedNotices(deps.logger),
  }
}
