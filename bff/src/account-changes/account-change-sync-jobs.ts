import type { Queue } from 'bullmq'
import type { Logger } from '../platform/logger'
import type { QueueFactory } from '../platform/queues'

const SCHEDULER_ID = 'account-change-sync'

/**
 * The sync job as a BullMQ job scheduler, one run for all instances: a decision nobody has read
 * yet still closes the old bindings and reaches the resident within a few minutes.
 */
export class AccountChangeSyncJobs {
  private readonly queue: Queue<Record<string, never>>

  constructor(
    private readonly queues: QueueFactory,
    namespace: string,
    private readonly run: () => Promise<{ accounts: number }>,
    private readonly logger: Logger,
    private readonly everyMs = 120_000,
  ) {
    this.queue = queues.queue(`${namespace}-account-change-sync`, {
      // The next run comes soon; a failed one is not worth retrying.
      attempts: 1,
      removeOnComplete: { count: 20 },
      removeOnFail: { count: 20 },
    })
  }

  /** Not awaited: a Redis that is down at start must not hold the BFF's start-up. */
  start(): void {
    this.queue
      .upsertJobScheduler(SCHEDULER_ID, { every: this.everyMs }, { name: 'sync', data: {} })
      .catch((err: unknown) => this.logger.error({ err }, 'account change sync not scheduled'))
    this.queues.worker(this.queue.name, () => this.run(), 1)
  }
}
