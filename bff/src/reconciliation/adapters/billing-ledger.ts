import { PostingsOfDay } from '../../../contracts/billing'
import type { UpstreamClient } from '../../platform/upstream-client'
import type { LedgerPayment, LedgerPort, LedgerRefund } from '../ports'

/**
 * Billing's postings of one business day (GET /billing/v1/postings?date=), the contract's read
 * for reconciliation; a plain GET, so the upstream client retries it.
 */
export class BillingLedger implements LedgerPort {
  constructor(private readonly client: UpstreamClient) {}

  async postingsOfDay(
    day: string,
  ): Promise<{ payments: LedgerPayment[]; refunds: LedgerRefund[] }> {
    const answer = await this.client.call({
      operation: 'listPostings',
      method: 'GET',
      path: '/billing/v1/postings',
      query: { date: day },
      response: PostingsOfDay,
    })
    return {
      payments: answer.postings.map((p) => ({
        paymentId: p.paymentId,
        accountNo: p.accountNo,
        amountFen: p.amountFen,
        channel: p.channel,
      })),
      refunds: answer.refunds.map((r) => ({ paymentId: r.paymentId, amountFen: r.amountFen })),
    }
  }
}
