import { routes } from '@gh/shared'
import type { PaymentOrder } from '@gh/shared'
import { request } from '../../api'
import type { OrderPurpose } from '../../payments'

/** One function per endpoint of 缴费记录 and 订单详情. */

export const getOrder = (accountNo: string, orderNo: string, purpose: OrderPurpose) =>
  request(purpose === 'bill' ? routes.getBillPayment : routes.getRecharge, {
    params: { accountNo, orderNo },
  })

/** 取消订单: closes an unpaid order so it can no longer be paid (the BFF keeps a payment that won). */
export const closeOrder = (
  accountNo: string,
  orderNo: string,
  purpose: OrderPurpose,
  idempotencyKey: string,
) =>
  request(purpose === 'bill' ? routes.closeBillPayment : routes.closeRecharge, {
    params: { accountNo, orderNo },
    idempotencyKey,
  })

/** Top-ups and bill payments together, newest first: one 缴费记录 for the resident. */
export async function listOrders(accountNo: string): Promise<PaymentOrder[]> {
  const [recharges, bills] = await Promise.all([
    request(routes.listRecharges, { params: { accountNo }, query: { limit: 20 } }),
    request(routes.listBillPayments, { params: { accountNo }, query: { limit: 20 } }),
  ])
  return [...recharges.orders, ...bills.orders].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  )
}
