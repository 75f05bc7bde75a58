import { Initial1764100000000 } from './migrations/1764100000000-initial'
import { PaymentOrders1764300000000 } from './migrations/1764300000000-payment-orders'
import { ReconciliationFindings1764500000000 } from './migrations/1764500000000-reconciliation-findings'

/** In order. A new migration is a new file and a new line here; released ones never change. */
export const migrations = [
  Initial1764100000000,
  PaymentOrders1764300000000,
  ReconciliationFindings1764500000000,
]
