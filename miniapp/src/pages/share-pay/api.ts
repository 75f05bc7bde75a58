import { routes } from '@gh/shared'
import type { PaymentChannel, SharedOrder } from '@gh/shared'
import { request } from '../../api'
import { channelForPlatform, launchPayment, type PayOutcome } from '../../payments'

/** 家人请您代缴: one function per endpoint the card's payer uses, and paying through them. */

export const getPayShare = (token: string) => request(routes.getPayShare, { params: { token } })

export const createSharedOrder = (
  token: string,
  body: { amountFen: number; channel: PaymentChannel },
  idempotencyKey: string,
) => request(routes.createSharedOrder, { params: { token }, body, idempotencyKey })

export const getSharedOrder = (token: string, orderNo: string) =>
  request(routes.getSharedOrder, { params: { token, orderNo } })

export interface SharedPayResult {
  order: SharedOrder
  /** Null when the order needed no payment step (the same key answered an order already paid). */
  outcome: PayOutcome | null
}

export interface SharedPayRequest {
  token: string
  amountFen: number
  /** Kept by the page for one intent, so a retry or double tap makes no second order. */
  idempotencyKey: string
  /** Where the H5 cashier returns to, given the order number. */
  returnUrlFor: (order: SharedOrder) => string
}

/** The payer of a card creates (or gets back) the order, then opens the platform's payment. */
export async function paySharedOrder(req: SharedPayRequest): Promise<SharedPayResult> {
  const order = await createSharedOrder(
    req.token,
    { amountFen: req.amountFen, channel: channelForPlatform() },
    req.idempotencyKey,
  )
  return { order, outcome: await payShared(order, req.returnUrlFor(order)) }
}

/** Pays a shared order still waiting for payment (继续支付). */
export async function payShared(order: SharedOrder, returnUrl: string): Promise<PayOutcome | null> {
  if (!order.clientParams) return null
  return launchPayment(order.clientParams, { returnUrl })
}
