import type { PaymentChannel, PaymentOrder } from '@gh/shared'
import { createBillPayment, createRecharge } from './api'
import { launchPayment } from './launch'
import { askForOrderNotices } from './order-notices'
import type { PayOutcome } from './outcome'

/** The channel this build pays through: the platform's own cashier, or the H5 cashier page. */
export function channelForPlatform(env: string | undefined = process.env.TARO_ENV): PaymentChannel {
  if (env === 'weapp') return 'wechat'
  if (env === 'alipay') return 'alipay'
  return 'h5'
}

export interface PayResult {
  order: PaymentOrder
  /** Null when the order needed no payment step (the same key answered an order already paid). */
  outcome: PayOutcome | null
}

export interface RechargeRequest {
  accountNo: string
  amountFen: number
  /** Kept by the page for one intent, so a retry or double tap makes no second order. */
  idempotencyKey: string
  /** Where the H5 cashier returns to, given the order number. */
  returnUrlFor: (order: PaymentOrder) => string
}

/** A bill payment: the same fields; the amount must be exactly what is owed now. */
export type BillPaymentRequest = RechargeRequest

const creators = { recharge: createRecharge, bill: createBillPayment } as const

/** Creates (or gets back) the order, then opens the platform's payment. */
async function createAndPay(purpose: keyof typeof creators, req: RechargeRequest) {
  // First, while still inside the tap: WeChat opens the consent dialog only from a tap.
  await askForOrderNotices()
  const order = await creators[purpose](
    req.accountNo,
    { amountFen: req.amountFen, channel: channelForPlatform() },
    req.idempotencyKey,
  )
  return { order, outcome: await payOrder(order, req.returnUrlFor(order)) }
}

/** Creates (or gets back) the top-up order, then opens the platform's payment. */
export const payRecharge = (req: RechargeRequest): Promise<PayResult> =>
  createAndPay('recharge', req)

/** 立即缴费: creates (or gets back) the bill-payment order, then opens the platform's payment. */
export const payBill = (req: BillPaymentRequest): Promise<PayResult> => createAndPay('bill', req)

/** Pays an order still waiting for payment (继续支付 on the order page). */
export async function payOrder(order: PaymentOrder, returnUrl: string): Promise<PayOutcome | null> {
  if (!order.clientParams) return null
  await askForOrderNotices()
  return launchPayment(order.clientParams, { returnUrl })
}
