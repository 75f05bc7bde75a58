import type { Logger } from '../platform/logger'
import { UpstreamError } from '../platform/upstream-client'
import {
  NotificationRejected,
  type PaymentPorts,
  type PaymentProvider,
  type ProviderName,
} from './ports'
import { LoggedNotices } from './resident-notices'

const missing = (port: string) => () =>
  Promise.reject(new UpstreamError(port, 'unavailable', 'adapter not configured'))

function provider(name: ProviderName): PaymentProvider {
  return {
    name,
    createOrder: missing(name),
    query: missing(name),
    close: missing(name),
    refund: missing(name),
    queryRefund: missing(name),
    verifyNotification: () => Promise.reject(new NotificationRejected('no adapter configured')),
  }
}

/**
 * Stand-ins until the WeChat Pay, Alipay and billing/meters HTTP adapters are wired: every call
 * fails as an unavailable upstream (503 to the resident), never as a fake success.
 */
export function unconfiguredPaymentPorts(logger: Logger): PaymentPorts {
  return {
    providers: { wechatpay: provider('wechatpay'), alipay: provider('alipay') },
    credit: {
      credit: missing('billing'),
      status: missing('billing'),
      refundPosting: missing('billing'),
    },
    accounts: { facts: missing('billing') },
    notices: new LoggedNotices(logger),
  }
}
