import type { Config } from '../../platform/config'
import type { UpstreamClient } from '../../platform/upstream-client'
import type { PaymentCredentials } from '../../payments/adapters/payment-credentials'
import { AlipayBillSource } from '../../upstream/alipay/alipay-bill-source'
import { AlipayGatewayClient } from '../../upstream/alipay/alipay-gateway-client'
import { WechatPayBillSource } from '../../upstream/wechatpay/wechatpay-bill-source'
import { WechatPayClient } from '../../upstream/wechatpay/wechatpay-client'
import type { ReconciliationPorts } from '../ports'
import { BillingLedger } from './billing-ledger'

export interface ReconciliationAdapterDeps {
  config: Pick<Config, 'payments' | 'alipay'>
  credentials: PaymentCredentials
  /** The payment core's upstream clients: the same timeouts, retries and breakers. */
  clients: { wechatpay: UpstreamClient; alipay: UpstreamClient; billing: UpstreamClient }
  now: () => Date
}

/** Bills from WeChat Pay and Alipay, postings from billing, over the real upstreams. */
export function httpReconciliationPorts(deps: ReconciliationAdapterDeps): ReconciliationPorts {
  const { config, credentials, clients, now } = deps
  const wechatpay = new WechatPayClient(
    clients.wechatpay,
    new URL(config.payments.wechatpay.apiUrl).pathname,
    () => credentials.wechatpay(),
  )
  const alipay = new AlipayGatewayClient(
    clients.alipay,
    new URL(config.alipay.gatewayUrl).pathname,
    () => credentials.alipay(),
    now,
  )
  return {
    bills: { wechatpay: new WechatPayBillSource(wechatpay), alipay: new AlipayBillSource(alipay) },
    ledger: new BillingLedger(clients.billing),
  }
}
