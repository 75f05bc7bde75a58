import type { Bill, BillList } from '@gh/shared'
import { AppError, errors } from '../platform/app-error'
import { UpstreamError } from '../platform/upstream-client'
import type { BillingReads } from '../upstream/billing/billing-port'
import { billView, dueView } from './bill-view'

/**
 * Billing failing says so in the resident's words: a slow or unreachable billing system is
 * "try again later", an answer off contract is our problem (502), never a stack trace.
 */
async function fromBilling<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (err) {
    if (!(err instanceof UpstreamError)) throw err
    if (err.kind === 'bad_response' || err.kind === 'rejected') {
      throw new AppError('UPSTREAM_ERROR', { message: err.message, cause: err })
    }
    throw new AppError('BILLS_UNAVAILABLE', {
      message: err.message,
      cause: err,
      ...(err.kind === 'circuit_open' ? { retryAfterSeconds: 10 } : {}),
    })
  }
}

const newestFirst = (a: Bill, b: Bill) =>
  b.period.from.localeCompare(a.period.from) || b.issuedAt.localeCompare(a.issuedAt)

export class BillService {
  constructor(private readonly billing: BillingReads) {}

  async list(accountNo: string): Promise<BillList> {
    const [summary, bills] = await fromBilling(() =>
      Promise.all([this.billing.summary(accountNo), this.billing.bills(accountNo)]),
    )
    // A bound account billing does not know: nothing to show, said as "not found".
    if (!summary || !bills) throw errors.notFound()
    return { accountNo, due: dueView(summary), bills: bills.map(billView).sort(newestFirst) }
  }

  async get(accountNo: string, billId: string): Promise<Bill> {
    const bill = await fromBilling(() => this.billing.bill(accountNo, billId))
    if (!bill || bill.accountNo !== accountNo) throw new AppError('BILL_NOT_FOUND')
    return billView(bill)
  }
}
