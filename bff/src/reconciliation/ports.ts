import type { LedgerPort } from '../upstream/billing/billing-port'
import type {
  ProviderBillSource,
  ProviderName,
} from '../upstream/payment-providers/payment-providers-port'

/**
 * What reconciliation needs from the outside: each provider's trade bill of a day and billing's
 * postings of a day. Tests swap these for fakes.
 */
export interface ReconciliationPorts {
  bills: Record<ProviderName, ProviderBillSource>
  ledger: LedgerPort
}
