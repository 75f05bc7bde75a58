import {
  AccountSummary,
  Bill,
  BillList,
  Posting,
  PostingsOfDay,
  RefundPosting,
  Tariff,
  type PaymentRequest,
  type RefundPostingRequest,
} from '../../../contracts/billing'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'

export type BillingSummary = AccountSummary
export type BillingTariff = Tariff
export type BillingBill = Bill

const isNotFound = (err: unknown) =>
  err instanceof UpstreamError && err.kind === 'rejected' && err.status === 404

/**
 * The billing system (营收) over bff/contracts/billing.ts. Postings carry our order id as the
 * Idempotency-Key, so a retry after a timeout answers the original posting.
 */
export class BillingHttpAdapter {
  constructor(private readonly client: UpstreamClient) {}

  async summary(accountNo: string): Promise<BillingSummary | null> {
    try {
      return await this.client.call({
        operation: 'getAccountSummary',
        method: 'GET',
        path: `/billing/v1/accounts/${encodeURIComponent(accountNo)}/summary`,
        response: AccountSummary,
      })
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }

  /** The account's bills, newest first; null when billing does not know the account. */
  async bills(accountNo: string): Promise<BillingBill[] | null> {
    try {
      const list = await this.client.call({
        operation: 'listBills',
        method: 'GET',
        path: `/billing/v1/accounts/${encodeURIComponent(accountNo)}/bills`,
        response: BillList,
      })
      return list.bills
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }

  /** Null when billing knows no such bill on that account. */
  async bill(accountNo: string, billId: string): Promise<BillingBill | null> {
    try {
      const path =
        `/billing/v1/accounts/${encodeURIComponent(accountNo)}` +
        `/bills/${encodeURIComponent(billId)}`
      return await this.client.call({ operation: 'getBill', method: 'GET', path, response: Bill })
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }

  async tariff(areaCode: string): Promise<BillingTariff | null> {
    try {
      return await this.client.call({
        operation: 'getTariff',
        method: 'GET',
        path: `/billing/v1/tariffs/${encodeURIComponent(areaCode)}`,
        response: Tariff,
      })
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }

  postPayment(request: PaymentRequest): Promise<Posting> {
    return this.client.call({
      operation: 'postPayment',
      method: 'POST',
      path: '/billing/v1/payments',
      body: request,
      idempotencyKey: request.paymentId,
      response: Posting,
    })
  }

  /** Null when billing holds no payment with that id (nothing to take back). */
  async postRefund(request: RefundPostingRequest): Promise<RefundPosting | null> {
    try {
      return await this.client.call({
        operation: 'postRefund',
        method: 'POST',
        path: '/billing/v1/refund-postings',
        body: request,
        idempotencyKey: request.refundId,
        response: RefundPosting,
      })
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }

  /** The payment posted under `paymentId` on a business day, if any. */
  async findPosting(date: string, paymentId: string): Promise<Posting | null> {
    const day = await this.client.call({
      operation: 'listPostings',
      method: 'GET',
      path: '/billing/v1/postings',
      query: { date },
      response: PostingsOfDay,
    })
    return day.postings.find((p) => p.paymentId === paymentId) ?? null
  }
}
