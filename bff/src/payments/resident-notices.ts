import type { Logger } from '../platform/logger'
import type { PaymentOrderRow } from './order-entity'
import type { OrderNotice, ResidentNotices } from './ports'

function noticeOf(order: PaymentOrderRow): OrderNotice {
  return {
    orderNo: order.outTradeNo,
    accountNo: order.accountNo,
    userId: order.userId,
    purpose: order.purpose,
    amountFen: order.amountFen,
    state: order.state,
  }
}

/** Telling the resident must never undo or block the money's path: failures are logged only. */
export async function tellResident(
  notices: ResidentNotices,
  order: PaymentOrderRow,
  logger: Logger,
): Promise<void> {
  try {
    await notices.orderSettled(noticeOf(order))
  } catch (err) {
    logger.warn({ orderNo: order.outTradeNo, err }, 'resident notice failed')
  }
}
