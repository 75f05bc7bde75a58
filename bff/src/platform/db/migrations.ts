import { Initial1764100000000 } from './migrations/1764100000000-initial'
import { PaymentOrders1764300000000 } from './migrations/1764300000000-payment-orders'
import { ReconciliationFindings1764500000000 } from './migrations/1764500000000-reconciliation-findings'
import { Repairs1765200000000 } from './migrations/1765200000000-repairs'
import { RepairPhotos1765250000000 } from './migrations/1765250000000-repair-photos'
import { Notifications1765300000000 } from './migrations/1765300000000-notifications'
import { Agents1765400000000 } from './migrations/1765400000000-agents'
import { AccountChanges1765500000000 } from './migrations/1765500000000-account-changes'
import { SafetyChecks1765600000000 } from './migrations/1765600000000-safety-checks'
import { ConnectionsAndHelpAlerts1765700000000 } from './migrations/1765700000000-connections-and-help-alerts'
import { AgentProxyRequests1765800000000 } from './migrations/1765800000000-agent-proxy-requests'

/** In order. A new migration is a new file and a new line here; released ones never change. */
export const migrations = [
  Initial1764100000000,
  PaymentOrders1764300000000,
  ReconciliationFindings1764500000000,
  Repairs1765200000000,
  RepairPhotos1765250000000,
  Notifications1765300000000,
  Agents1765400000000,
  AccountChanges1765500000000,
  SafetyChecks1765600000000,
  ConnectionsAndHelpAlerts1765700000000,
  AgentProxyRequests1765800000000,
]
