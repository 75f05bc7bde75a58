import type { Queue } from 'bullmq'
import type { Logger } from '../platform/logger'
import type { QueueFactory } from '../platform/queues'

const SCHEDULER_ID = 'repair-step-sync'

/**
 * The step job as a BullMQ job scheduler: every minute, one run for all instances (one
 * scheduler id), so each new step of a repair is looked at within about a minute.
 */
export class RepairSyncJobs {
  private readonly queue: Queue<Record<string, never>>

  constructor(
    private readonly queues: QueueFactory,
    namespace: string,
    private readonly run: () => Promise<{ followed: number; steps: number }>,
    private readonly logger: Logger,
    private readonly everyMs = 60_000,
  ) {
    this.queue = queues.queue(`${namespace}-repair-sync`, {
      // The next run comes within a minute; a failed one is not worth retrying.
      attempts: 1,
      removeOnComplete: { count: 20 },
      removeOnFail: { count: 20 },
    })
  }

  /** Not awaited: a Redis that is down at start must not hold the BFF's start-up. */
  start(): void {
    this.queue
      .upsertJobScheduler(SCHEDULER_ID, { every: this.everyMs }, { name: 'sync', data: {} })
      .catch((err: unknown) => this.logger.error({ err }, 'repair step sync not scheduled'))
    this.queues.worker(this.queue.name, () => this.run(), 1)
  }

  schedule() {
    return this.queue.getJobScheduler(SCHEDULER_ID)
  }
}
