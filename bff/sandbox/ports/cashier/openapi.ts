import { z } from 'zod'
import { IsoDateTime, UpstreamError } from '../../../contracts/common'
import type { ContractOperation } from '../../../contracts/openapi'
import {
  NotificationFaultUpdate,
  NotificationSpeed,
  NotificationsQuery,
} from '../../payments/notifications'

export const CashierOrder = z.object({
  provider: z.enum(['wechatpay', 'alipay']),
  outTradeNo: z.string(),
  description: z.string(),
  amountFen: z.number().int(),
  status: z.enum(['awaiting_payment', 'paid', 'closed', 'refunded']),
  expiresAt: IsoDateTime,
})

export const PaymentActionAnswer = z.object({
  result: z.enum(['paid', 'cancelled']),
  order: CashierOrder,
})

export const NotificationRecord = z.object({
  id: z.string(),
  provider: z.string(),
  kind: z.string().describe('e.g. TRADE_SUCCESS, TRADE_CLOSED/REFUND, TRANSACTION.SUCCESS'),
  outTradeNo: z.string(),
  url: z.string(),
  createdAt: z.string(),
  state: z.enum(['pending', 'delivered', 'failed', 'held', 'lost']),
  nextAttemptAt: z.string().nullable(),
  attempts: z.array(
    z.object({
      attempt: z.number().int(),
      copy: z.number().int(),
      target: z.string(),
      at: z.string(),
      status: z.number().int().nullable(),
      error: z.string().nullable(),
      durationMs: z.number().int(),
      accepted: z.boolean(),
      fault: z.string().nullable(),
    }),
  ),
})

/** Named in the sandbox's OpenAPI document (GET /sandbox/openapi.json). */
export const paymentDevSchemas = { CashierOrder, PaymentActionAnswer, NotificationRecord }

const order = z.object({ outTradeNo: z.string() })
const settled = {
  description: 'ORDER_PAID, ORDER_CLOSED, ORDER_EXPIRED or ORDER_REFUNDED',
  schema: UpstreamError,
}
const notFound = { description: 'ORDER_NOT_FOUND', schema: UpstreamError }
const invalid = { description: 'Invalid body or parameter', schema: UpstreamError }

/** The payer (cashier) and notification endpoints shared by WeChat Pay and Alipay. */
export const paymentDevOperations: readonly ContractOperation[] = [
  {
    operationId: 'cashierPage',
    method: 'get',
    path: '/cashier/:outTradeNo',
    summary: 'H5 cashier page (HTML) for an order of any provider: 确认支付 / 取消支付',
    description:
      'Served in production mode too: it is the payer. `return` must be an http(s) URL on ' +
      '127.0.0.1 or localhost; the page goes there (303) after paying or cancelling.',
    params: order,
    query: z.object({ return: z.string().optional() }),
    responses: {
      200: { description: 'The page (also for paid, closed and expired orders)' },
      400: { description: 'The return address is not local' },
      404: { description: 'No such order' },
    },
  },
  ...(['pay', 'cancel'] as const).map((action): ContractOperation => ({
    operationId: `${action}Order`,
    method: 'post',
    path: `/sandbox/payments/:outTradeNo/${action}`,
    summary:
      action === 'pay'
        ? 'What 确认支付 does: the order is paid and the provider notifies the merchant'
        : 'What 取消支付 does: nothing is paid; the order stays open until closed or expired',
    params: order,
    responses: {
      200: { description: 'Done', schema: PaymentActionAnswer },
      404: notFound,
      409: settled,
    },
  })),
  {
    operationId: 'listNotifications',
    method: 'get',
    path: '/sandbox/notifications',
    summary: 'Payment notifications of every provider and each delivery attempt, oldest first',
    query: NotificationsQuery,
    responses: {
      200: {
        description: 'Notifications',
        schema: z.object({ items: z.array(NotificationRecord) }),
      },
      400: invalid,
    },
  },
  {
    operationId: 'setNotificationFault',
    method: 'post',
    path: '/sandbox/notifications/faults',
    summary:
      "Make one provider's next notifications duplicate, concurrent, reordered, delayed or lost",
    body: NotificationFaultUpdate,
    responses: { 200: { description: 'Fault set' }, 400: invalid },
  },
  {
    operationId: 'clearNotificationFaults',
    method: 'delete',
    path: '/sandbox/notifications/faults',
    summary: 'Clear notification faults and release held notifications',
    responses: { 204: { description: 'Cleared' } },
  },
  {
    operationId: 'setNotificationSpeed',
    method: 'post',
    path: '/sandbox/notifications/speed',
    summary: 'Scale retry waits (1 = real schedule; 1e-5 runs a day of retries in about a second)',
    body: NotificationSpeed,
    responses: { 200: { description: 'Speed set' }, 400: invalid },
  },
  {
    operationId: 'flushNotifications',
    method: 'post',
    path: '/sandbox/notifications/flush',
    summary: 'Run every waiting retry now',
    responses: { 204: { description: 'Flushed' } },
  },
]
