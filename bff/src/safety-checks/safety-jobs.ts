import type { Queue } from 'bullmq'
import type { Logger } from '../platform/logger'
import type { QueueFactory } from '../platform/queues'

const SCHEDULER_ID = 'safety-reminders'

/**
 * The safety reminders as a BullMQ job scheduler: one run at a time for all instances (one
 * scheduler id). Service lives are counted in months and visits in days, so hourly is soon
 * enough for both.
 */
export class SafetyReminderJobs {
  private readonly queue: Queue<Record<string, never>>

  constructor(
    private readonly queues: QueueFactory,
    namespace: string,
    private readonly run: () => Promise<{ sent: number }>,
    private readonly logger: Logger,
    private readonly everyMs = 3_600_000,
  ) {
    this.queue = queues.queue(`${namespace}-safety-reminders`, {
      // The next run comes within the hour; a failed one is not worth retrying.
      attempts: 1,
      removeOnComplete: { count: 20 },
      removeOnFail: { count: 20 },
    })
  }

  /** Not awaited: a Redis that is down at start must not hold the BFF's start-up. */
  start(): void {
    this.queue
      .upsertJobScheduler(SCHEDULER_ID, { every: this.everyMs }, { name: 'remind', data: {} })
      .catch((err: unknown) => this.logger.error({ err }, 'safety reminders not scheduled'))
    this.queues.worker(this.queue.name, () => this.run(), 1)
  }

  schedule() {
    return this.queue.getJobScheduler(SCHEDULER_ID)
  }
}
