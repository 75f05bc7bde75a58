import { routes } from '@gh/shared'
import type { PaymentChannel, PaymentOrder } from '@gh/shared'
import { request } from '../api'
import { primeOrderNotices } from './order-notices'

/** The payment endpoints 交燃气费 and 账单 share: what may be paid, and the two orders. */

/** Also fetches, once, what the 去支付 tap needs ready (the notice template id). */
export const getPaymentOptions = (accountNo: string) => {
  void primeOrderNotices()
  return request(routes.getPaymentOptions, { params: { accountNo } })
}

export const createRecharge = (
  accountNo: string,
  body: { amountFen: number; channel: PaymentChannel },
  idempotencyKey: string,
) => request(routes.createRecharge, { params: { accountNo }, body, idempotencyKey })

export const createBillPayment = (
  accountNo: string,
  body: { amountFen: number; channel: PaymentChannel },
  idempotencyKey: string,
) => request(routes.createBillPayment, { params: { accountNo }, body, idempotencyKey })

export type OrderPurpose = PaymentOrder['purpose']
