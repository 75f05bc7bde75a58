import type { OrderNotice, ResidentNotices } from '../payments/ports'
import type { NotificationPublisher } from './notification-event'

/**
 * 缴费结果通知 through the notification service: the payer (bound or paying through a share
 * card) hears once per end state of the order, on their channels and in their inbox.
 */
export class PaymentResultNotices implements ResidentNotices {
  constructor(private readonly publisher: NotificationPublisher) {}

  orderSettled(notice: OrderNotice): Promise<void> {
    return this.publisher.publish({
      type: 'payment_result',
      accountNo: notice.accountNo,
      dedupeKey: `payment_result:${notice.orderNo}:${notice.state}`,
      data: {
        orderNo: notice.orderNo,
        purpose: notice.purpose,
        amountFen: notice.amountFen,
        state: notice.state,
      },
      recipients: [notice.userId],
    })
  }
}
