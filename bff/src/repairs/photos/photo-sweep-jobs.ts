import type { Queue } from 'bullmq'
import type { Logger } from '../../platform/logger'
import type { QueueFactory } from '../../platform/queues'
import type { SweepCounts } from './photo-sweep'

const SCHEDULER_ID = 'repair-photo-sweep'

/**
 * The unused-photo sweep as a BullMQ job scheduler: every hour, one run for all instances (one
 * scheduler id). A photo then lives at most about an hour past its allowed age.
 */
export class UnusedPhotoSweepJobs {
  private readonly queue: Queue<Record<string, never>>

  constructor(
    private readonly queues: QueueFactory,
    namespace: string,
    private readonly run: () => Promise<SweepCounts>,
    private readonly logger: Logger,
    private readonly everyMs = 3_600_000,
  ) {
    this.queue = queues.queue(`${namespace}-repair-photo-sweep`, {
      // The next run picks up whatever this one left; a failed run is not worth retrying.
      attempts: 1,
      removeOnComplete: { count: 20 },
      removeOnFail: { count: 20 },
    })
  }

  /** Not awaited: a Redis that is down at start must not hold the BFF's start-up. */
  start(): void {
    this.queue
      .upsertJobScheduler(SCHEDULER_ID, { every: this.everyMs }, { name: 'sweep', data: {} })
      .catch((err: unknown) => this.logger.error({ err }, 'unused photo sweep not scheduled'))
    this.queues.worker(this.queue.name, () => this.run(), 1)
  }

  schedule() {
    return this.queue.getJobScheduler(SCHEDULER_ID)
  }
}
