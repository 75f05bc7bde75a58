import type { DataSource } from 'typeorm'
import type { UserRepository } from '../auth/user-repository'
import type { Logger } from '../platform/logger'
import type { QueueFactory } from '../platform/queues'
import type { WithLock } from '../platform/redis-lock'
import { OrderCloser } from './order-close'
import { OrderRepository } from './order-repository'
import { PaymentIntake } from './payment-intake'
import { PaymentJobs } from './payment-jobs'
import { PaymentReads } from './payment-reads'
import { PaymentRecovery } from './payment-recovery'
import { defaultPaymentSettings, type PaymentSettings } from './payment-settings'
import { PaymentWatch } from './payment-watch'
import type { PaymentPorts } from './ports'
import { RechargeService, type PayerLookup } from './recharge-service'
import { Settlement } from './settlement'

export interface PaymentsModule {
  settings: PaymentSettings
  orders: OrderRepository
  recharges: RechargeService
  reads: PaymentReads
  intake: PaymentIntake
  closer: OrderCloser
  watch: PaymentWatch
  settlement: Settlement
  recovery: PaymentRecovery
  /** Stops the sweep; the queues' workers stop with the QueueFactory. */
  stop(): Promise<void>
}

export interface PaymentsDeps {
  db: DataSource
  queues: QueueFactory
  ports: PaymentPorts
  users: UserRepository
  logger: Logger
  now: () => Date
  /** A mutex shared by every instance (Redis); serialises order creation per account. */
  lock: WithLock
  settings?: Partial<PaymentSettings>
}

/** Builds the payment core and starts its workers and sweep on this instance. */
export function createPayments(deps: PaymentsDeps): PaymentsModule {
  const { db, queues, ports, users, now } = deps
  const logger = deps.logger.child({ module: 'payments' })
  const settings = { ...defaultPaymentSettings, ...deps.settings }
  const orders = new OrderRepository(db, now)
  const jobs = new PaymentJobs(queues, settings.queueNamespace)
  const payers: PayerLookup = async (userId, channel) => {
    if (channel === 'h5') return null
    const identities = await users.identitiesOf(userId)
    return identities.find((i) => i.provider === channel)?.subject ?? null
  }
  const intake = new PaymentIntake(orders, jobs, ports, logger, now)
  const watch = new PaymentWatch(orders, intake, ports, settings, logger, now)
  const settlement = new Settlement(orders, ports, settings, logger, now)
  const recovery = new PaymentRecovery(orders, jobs, settings, logger, now)
  jobs.start(settlement.step, watch.step)
  recovery.start()
  return {
    settings,
    orders,
    recharges: new RechargeService(orders, jobs, ports, payers, settings, now, deps.lock),
    reads: new PaymentReads(orders, ports.accounts, now),
    intake,
    closer: new OrderCloser(orders, intake, ports, logger),
    watch,
    settlement,
    recovery,
    stop: () => recovery.stop(),
  }
}
