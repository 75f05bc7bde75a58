import type { DataSource } from 'typeorm'
import type { Logger } from '../platform/logger'
import type { QueueFactory } from '../platform/queues'
import type { PaymentsModule } from '../payments/payments-module'
import type { PaymentPorts } from '../payments/ports'
import { FindingStore } from './finding-store'
import { ReconciliationOrders } from './order-reads'
import type { ReconciliationPorts } from './ports'
import { ReconciliationJobs } from './reconciliation-jobs'
import { ReconciliationService } from './reconciliation-service'
import { Repairs } from './repairs'

export interface ReconciliationModule {
  ports: ReconciliationPorts
  service: ReconciliationService
  findings: FindingStore
  jobs: ReconciliationJobs
}

export interface ReconciliationDeps {
  db: DataSource
  queues: QueueFactory
  ports: ReconciliationPorts
  payments: PaymentsModule
  paymentPorts: PaymentPorts
  logger: Logger
  now: () => Date
}

/** Builds reconciliation and registers its daily job (its worker runs on this instance). */
export function startReconciliation(deps: ReconciliationDeps): ReconciliationModule {
  const logger = deps.logger.child({ module: 'reconciliation' })
  const findings = new FindingStore(deps.db, deps.now)
  const service = new ReconciliationService(
    deps.ports,
    new ReconciliationOrders(deps.db),
    findings,
    new Repairs(deps.payments, deps.paymentPorts, logger),
    logger,
  )
  const jobs = new ReconciliationJobs(
    deps.queues,
    deps.payments.settings.queueNamespace,
    (day) => service.run(day),
    deps.now,
    logger,
  )
  jobs.start()
  return { ports: deps.ports, service, findings, jobs }
}
