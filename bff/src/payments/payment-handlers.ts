import type { PaymentPurpose, routes } from '@gh/shared'
import { errors } from '../platform/app-error'
import type { HandlerInput, RouteHandler } from '../platform/http/routes'
import type { OrderCloser } from './order-close'
import type { PaymentReads } from './payment-reads'
import type { RechargeService } from './recharge-service'

type R = typeof routes
type CreateSpec = R['createRecharge'] | R['createBillPayment']

type CloseSpec = R['closeRecharge'] | R['closeBillPayment']

export function paymentHandlers(deps: {
  recharges: RechargeService
  reads: PaymentReads
  closer: OrderCloser
}): {
  createRecharge: RouteHandler<R['createRecharge']>
  listRecharges: RouteHandler<R['listRecharges']>
  getRecharge: RouteHandler<R['getRecharge']>
  closeRecharge: RouteHandler<R['closeRecharge']>
  createBillPayment: RouteHandler<R['createBillPayment']>
  listBillPayments: RouteHandler<R['listBillPayments']>
  getBillPayment: RouteHandler<R['getBillPayment']>
  closeBillPayment: RouteHandler<R['closeBillPayment']>
  getPaymentOptions: RouteHandler<R['getPaymentOptions']>
} {
  const { recharges, reads, closer } = deps
  const close =
    (purpose: PaymentPurpose) =>
    async ({ params }: HandlerInput<CloseSpec>) =>
      reads.view(await closer.close(params.accountNo, purpose, params.orderNo))
  const create =
    (purpose: PaymentPurpose) =>
    async ({ user, params, body, idempotencyKey }: HandlerInput<CreateSpec>) => {
      if (!idempotencyKey) throw errors.idempotencyKeyRequired()
      const order = await recharges.create({
        userId: user.userId,
        accountNo: params.accountNo,
        purpose,
        amountFen: body.amountFen,
        channel: body.channel,
        idempotencyKey,
      })
      return reads.view(order)
    }
  return {
    createRecharge: create('recharge'),
    listRecharges: async ({ params, query }) => ({
      orders: await reads.list(params.accountNo, 'recharge', query.limit),
    }),
    getRecharge: ({ params }) => reads.get(params.accountNo, 'recharge', params.orderNo),
    closeRecharge: close('recharge'),
    createBillPayment: create('bill'),
    listBillPayments: async ({ params, query }) => ({
      orders: await reads.list(params.accountNo, 'bill', query.limit),
    }),
    getBillPayment: ({ params }) => reads.get(params.accountNo, 'bill', params.orderNo),
    closeBillPayment: close('bill'),
    getPaymentOptions: ({ params }) => reads.options(params.accountNo),
  }
}
