import type { Logger } from '../platform/logger'
import type { PaymentOrderRow } from './order-entity'
import type { OrderRepository } from './order-repository'
import { AWAITING_PAYMENT, SETTLING } from './order-state'
import type { JobScheduler } from './payment-jobs'
import type { PaymentSettings } from './payment-settings'

/**
 * The safety net under the jobs: an instance that crashed between committing a state and
 * enqueueing its job, or a job that exhausted its attempts, leaves an order untouched. At start
 * and then periodically, every instance re-enqueues the jobs of such orders; enqueueing is
 * idempotent (job id = order id), so instances sweeping together do no harm.
 */
export class PaymentRecovery {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined

  constructor(
    private readonly orders: OrderRepository,
    private readonly jobs: JobScheduler,
    private readonly settings: PaymentSettings,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  async sweep(): Promise<number> {
    const before = new Date(this.now().getTime() - this.settings.sweepStaleMs)
    const waiting = await this.orders.stale(AWAITING_PAYMENT, before)
    for (const order of waiting) await this.jobs.watch(order.id, 0)
    const settling = (await this.orders.stale(SETTLING, before)).filter((o) => this.unfinished(o))
    for (const order of settling) await this.jobs.settle(order.id)
    return waiting.length + settling.length
  }

  start(): void {
    const tick = () => {
      this.running = this.sweep()
        .then(() => undefined)
        .catch((err: unknown) => this.logger.warn({ err }, 'payment sweep failed'))
    }
    tick()
    this.timer = setInterval(tick, this.settings.sweepEveryMs)
    this.timer.unref()
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    await this.running
  }

  private unfinished(order: PaymentOrderRow): boolean {
    if (order.state === 'CREDITED')
      return order.accountKind === 'ic_prepaid' && order.purpose === 'recharge'
    if (order.state === 'AWAITING_CARD_WRITE') {
      return this.now().getTime() - order.updatedAt.getTime() <= this.settings.cardWriteWatchMs
    }
    return true
  }
}
