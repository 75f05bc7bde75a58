import type { Bill, BillList } from '@gh/shared'
import { AppError, errors } from '../platform/app-error'
import { UpstreamError } from '../platform/upstream-client'
import { reusableAnswer } from '../platform/http/routes'
import type { BillingBill, BillingReads, BillingSummary } from '../upstream/billing/billing-port'
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

/**
 * Views are kept per billing answer: the read cache hands out the same answer objects while it
 * keeps them, and then the same view is answered (and sent without being built, checked and
 * serialised again; see `reusableAnswer`).
 */
export class BillService {
  private readonly lists = new WeakMap<
    BillingBill[],
    { summary: BillingSummary; accountNo: string; list: BillList }
  >()
  private readonly views = new WeakMap<BillingBill, Bill>()

  constructor(private readonly billing: BillingReads) {}

  async list(accountNo: string): Promise<BillList> {
    const [summary, bills] = await fromBilling(() =>
      Promise.all([this.billing.summary(accountNo), this.billing.bills(accountNo)]),
    )
    // A bound account billing does not know: nothing to show, said as "not found".
    if (!summary || !bills) throw errors.notFound()
    const known = this.lists.get(bills)
    if (known?.summary === summary && known.accountNo === accountNo) return known.list
    const list = reusableAnswer({
      accountNo,
      due: dueView(summary),
      bills: bills.map((b) => this.view(b)).sort(newestFirst),
    })
    this.lists.set(bills, { summary, accountNo, list })
    return list
  }

  async get(accountNo: string, billId: string): Promise<Bill> {
    const bill = await fromBilling(() => this.billing.bill(accountNo, billId))
    if (!bill || bill.accountNo !== accountNo) throw new AppError('BILL_NOT_FOUND')
    return reusableAnswer(this.view(bill))
  }

  private view(bill: BillingBill): Bill {
    let view = this.views.get(bill)
    if (!view) {
      view = billView(bill)
      this.views.set(bill, view)
    }
    return view
  }
}
