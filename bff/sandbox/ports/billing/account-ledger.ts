import type { CustomerAccount } from '../../../contracts/customers'
import type { AccountLedger } from '../customers'
import { addDeposit } from '../meters/book'
import { meterView } from '../meters/views'
import { isPrepaid, type Billing } from './billing'

/**
 * What a 销户 settles, for the CIS: everything owed must be paid first, and what is left of
 * prepaid credit (a prepaid meter's balance, or a billed account's prepayment) is refunded.
 */
export function accountLedger(billing: Billing): AccountLedger {
  return {
    amountDueFen(account: CustomerAccount): number {
      const summary = billing.summary(account)
      const meterDebt = isPrepaid(account) ? Math.max(0, -(summary.balanceFen ?? 0)) : 0
      return summary.amountDueFen + meterDebt
    },
    refundCredit(account: CustomerAccount, atMs: number): number {
      if (isPrepaid(account)) {
        if (account.meterNo === null) return 0
        const book = billing.meters.book(account.meterNo)
        billing.meters.settle()
        const balance = meterView(book, atMs).balanceFen ?? 0
        if (balance <= 0) return 0
        addDeposit(book, atMs, -balance)
        return balance
      }
      const book = billing.book(account)
      if (!book || book.prepaymentFen <= 0) return 0
      const refund = book.prepaymentFen
      book.prepaymentFen = 0
      return refund
    },
  }
}
