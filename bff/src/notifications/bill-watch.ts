import { billView } from '../bills/bill-view'
import type { Logger } from '../platform/logger'
import type { BillingBill, BillingReads } from '../upstream/billing/billing-port'
import type { Audience } from './audience'
import type { BillFacts, NotificationPublisher } from './notification-event'

const DAY_MS = 86_400_000

export interface BillWatchSettings {
  /** 快到期: this many days before the due date, or fewer. */
  dueSoonDays: number
  /** A bill older than this when first seen is not announced (history, not news). */
  issuedWithinDays: number
  /** An overdue bill is announced until this many days after its due date. */
  overdueWithinDays: number
}

export const defaultBillWatchSettings: BillWatchSettings = {
  dueSoonDays: 3,
  issuedWithinDays: 7,
  overdueWithinDays: 30,
}

type BillStep = 'bill_issued' | 'bill_due_soon' | 'bill_overdue'

/** What the bill calls for now, by its dates and what is still owed. */
function stepsOf(bill: BillingBill, now: number, s: BillWatchSettings): BillStep[] {
  const issued = Date.parse(bill.issuedAt)
  const due = Date.parse(bill.dueAt)
  const owed = bill.outstandingFen > 0
  const steps: BillStep[] = []
  if (now - issued <= s.issuedWithinDays * DAY_MS && now >= issued) steps.push('bill_issued')
  if (owed && !bill.overdue && due > now && due - now <= s.dueSoonDays * DAY_MS) {
    steps.push('bill_due_soon')
  }
  if (owed && bill.overdue && now - due <= s.overdueWithinDays * DAY_MS) steps.push('bill_overdue')
  return steps
}

/**
 * Polls the bills of every followed billed account (gas and heating) and publishes, once per
 * bill, that it was issued, that it falls due within days, and that it is overdue. Each
 * publish is keyed by the step and the bill, so polling again changes nothing.
 */
export class BillWatch {
  constructor(
    private readonly deps: {
      audience: Audience
      bills: BillingReads
      publisher: NotificationPublisher
      settings: BillWatchSettings
      logger: Logger
      now: () => Date
    },
  ) {}

  async poll(): Promise<void> {
    const { deps } = this
    for (const account of await deps.audience.accounts()) {
      if (account.kind !== 'postpaid_gas' && account.kind !== 'heating') continue
      let bills: BillingBill[] | null
      try {
        bills = await deps.bills.bills(account.accountNo)
      } catch (err) {
        deps.logger.warn({ err }, 'bills unavailable for the bill watch')
        continue
      }
      const now = deps.now().getTime()
      for (const bill of bills ?? []) {
        for (const step of stepsOf(bill, now, deps.settings)) {
          await deps.publisher.publish({
            type: step,
            accountNo: account.accountNo,
            dedupeKey: `${step}:${bill.billId}`,
            data: factsOf(bill),
          })
        }
      }
    }
  }
}

function factsOf(bill: BillingBill): BillFacts {
  return {
    billId: bill.billId,
    title: billView(bill).title,
    outstandingFen: bill.outstandingFen,
    dueAt: bill.dueAt,
  }
}
