import { z } from 'zod'
import { Posting, RefundPosting } from '../../../contracts/billing'
import { AccountNo } from '../../../contracts/common'
import { Credit, IcPurchase } from '../../../contracts/meters'

/** GET /sandbox/ledger: everything that moved money for one account, for tests to count. */
export const LedgerQuery = z.object({ accountNo: AccountNo })

export const Ledger = z.object({
  accountNo: AccountNo,
  postings: z
    .array(Posting)
    .describe('billing payment postings in posting order: the seeded history (HIST…) first'),
  refunds: z.array(RefundPosting),
  credits: z.array(Credit).describe('IoT meter credits, in acceptance order'),
  icPurchases: z.array(IcPurchase),
})
export type Ledger = z.infer<typeof Ledger>
