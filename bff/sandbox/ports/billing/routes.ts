import { bodyParser } from '@koa/bodyparser'
import Router from '@koa/router'
import {
  AccountPostingsQuery,
  AreaPathParams,
  BillPathParams,
  BillsQuery,
  PaymentRequest,
  PostingsQuery,
  RefundPostingRequest,
  type Tariff,
} from '../../../contracts/billing'
import { HeatingStopPathParams, HeatingStopRequest } from '../../../contracts/billing-heating-stops'
import {
  HeatingComplaintPathParams,
  HeatingComplaintRequest,
} from '../../../contracts/billing-heating-complaints'
import { AccountPathParams } from '../../../contracts/customers'
import { SandboxError, parseOr400 } from '../../middleware/errors'
import { dayOf, dayOfIsoDate } from '../meters/days'
import { assertHeaderKey } from '../meters/idempotency'
import { creditView, purchaseView } from '../meters/views'
import { billView, type Billing } from './billing'
import { IssueBillRequest, issueBillNow } from './dev-bills'
import { LedgerQuery, type Ledger } from './dev-schemas'
import { areaTariff, tariffView } from './tariffs'

export interface BillingState {
  readonly billing: Billing
  readonly devEndpoints: boolean
}

/** The billing system, as described by bff/contracts/billing.ts, and the developer ledger. */
export function billingRouter(state: BillingState): Router {
  const { billing } = state
  const router = new Router()
  router.use(bodyParser({ enableTypes: ['json'] }))
  const now = (): number => billing.meters.settle()

  router.get('/billing/v1/accounts/:accountNo/summary', (ctx) => {
    const { accountNo } = parseOr400(AccountPathParams, ctx.params)
    ctx.body = billing.summary(billing.account(accountNo))
  })

  router.get('/billing/v1/accounts/:accountNo/bills', (ctx) => {
    const { accountNo } = parseOr400(AccountPathParams, ctx.params)
    const { from, to } = parseOr400(BillsQuery, ctx.query)
    const fromDay = from === undefined ? -Infinity : dayOfIsoDate(from)
    const toDay = to === undefined ? Infinity : dayOfIsoDate(to)
    const at = now()
    const bills = billing
      .bills(billing.account(accountNo))
      .filter((b) => b.toDay >= fromDay && b.fromDay <= toDay)
      .map((b) => billView(b, at))
      .reverse()
    ctx.body = { accountNo, bills }
  })

  router.get('/billing/v1/accounts/:accountNo/bills/:billId', (ctx) => {
    const { accountNo, billId } = parseOr400(BillPathParams, ctx.params)
    const bill = billing.bills(billing.account(accountNo)).find((b) => b.billId === billId)
    if (!bill) throw new SandboxError(404, 'BILL_NOT_FOUND', '账单不存在')
    ctx.body = billView(bill, now())
  })

  router.get('/billing/v1/tariffs/:areaCode', (ctx) => {
    const { areaCode } = parseOr400(AreaPathParams, ctx.params)
    const area = areaTariff(areaCode)
    if (!area) throw new SandboxError(404, 'AREA_NOT_FOUND', '片区不存在')
    ctx.body = tariffView(area, dayOf(now())) satisfies Tariff
  })

  router.post('/billing/v1/payments', (ctx) => {
    const request = parseOr400(PaymentRequest, ctx.request.body)
    assertHeaderKey(ctx, request.paymentId)
    const { posting, created } = billing.postings.post(request)
    ctx.status = created ? 201 : 200
    ctx.body = posting
  })

  router.post('/billing/v1/refund-postings', (ctx) => {
    const request = parseOr400(RefundPostingRequest, ctx.request.body)
    assertHeaderKey(ctx, request.refundId)
    const { refund, created } = billing.postings.refund(request)
    ctx.status = created ? 201 : 200
    ctx.body = refund
  })

  router.get('/billing/v1/accounts/:accountNo/postings', (ctx) => {
    const { accountNo } = parseOr400(AccountPathParams, ctx.params)
    const { from, to } = parseOr400(AccountPostingsQuery, ctx.query)
    // Opening the book takes in the account's seeded history.
    billing.book(billing.account(accountNo))
    const fromDay = from === undefined ? -Infinity : dayOfIsoDate(from)
    const toDay = to === undefined ? Infinity : dayOfIsoDate(to)
    ctx.body = { accountNo, ...billing.postings.history(accountNo, fromDay, toDay) }
  })

  router.get('/billing/v1/accounts/:accountNo/heating-stops', (ctx) => {
    const { accountNo } = parseOr400(AccountPathParams, ctx.params)
    ctx.body = billing.heatingStops.view(accountNo)
  })

  router.post('/billing/v1/accounts/:accountNo/heating-stops', (ctx) => {
    const { accountNo } = parseOr400(AccountPathParams, ctx.params)
    const request = parseOr400(HeatingStopRequest, ctx.request.body)
    assertHeaderKey(ctx, request.applicationId)
    const { application, created } = billing.heatingStops.apply(accountNo, request)
    ctx.status = created ? 201 : 200
    ctx.body = application
  })

  router.post('/billing/v1/accounts/:accountNo/heating-stops/:applicationId/cancel', (ctx) => {
    const { accountNo, applicationId } = parseOr400(HeatingStopPathParams, ctx.params)
    assertHeaderKey(ctx, applicationId)
    ctx.body = billing.heatingStops.cancel(accountNo, applicationId)
  })

  router.get('/billing/v1/accounts/:accountNo/heating-complaints', (ctx) => {
    const { accountNo } = parseOr400(AccountPathParams, ctx.params)
    ctx.body = billing.heatingComplaints.view(accountNo)
  })

  router.post('/billing/v1/accounts/:accountNo/heating-complaints', (ctx) => {
    const { accountNo } = parseOr400(AccountPathParams, ctx.params)
    const request = parseOr400(HeatingComplaintRequest, ctx.request.body)
    assertHeaderKey(ctx, request.complaintId)
    const { complaint, created } = billing.heatingComplaints.report(accountNo, request)
    ctx.status = created ? 201 : 200
    ctx.body = complaint
  })

  router.get('/billing/v1/accounts/:accountNo/heating-complaints/:complaintId', (ctx) => {
    const { accountNo, complaintId } = parseOr400(HeatingComplaintPathParams, ctx.params)
    ctx.body = billing.heatingComplaints.get(accountNo, complaintId)
  })

  router.get('/billing/v1/postings', (ctx) => {
    const { date } = parseOr400(PostingsQuery, ctx.query)
    ctx.body = { date, ...billing.postings.ofDay(dayOfIsoDate(date)) }
  })

  if (state.devEndpoints) {
    router.post('/sandbox/billing/accounts/:accountNo/bills', (ctx) => {
      const { accountNo } = parseOr400(AccountPathParams, ctx.params)
      const input = parseOr400(IssueBillRequest, ctx.request.body ?? {})
      const bill = issueBillNow(billing, accountNo, input)
      ctx.status = 201
      ctx.body = billView(bill, now())
    })

    router.get('/sandbox/ledger', (ctx) => {
      const { accountNo } = parseOr400(LedgerQuery, ctx.query)
      billing.book(billing.account(accountNo))
      const { meters } = billing
      meters.settle()
      ctx.body = {
        accountNo,
        postings: [...billing.postings.postingsOf(accountNo)],
        refunds: [...billing.postings.refundsOf(accountNo)],
        credits: meters.creditsOf(accountNo).map(creditView),
        icPurchases: meters.purchasesOf(accountNo).map(purchaseView),
      } satisfies Ledger
    })
  }

  return router
}
