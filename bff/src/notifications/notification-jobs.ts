import { createHash } from 'node:crypto'
import type { Queue } from 'bullmq'
import type { Logger } from '../platform/logger'
import type { QueueFactory } from '../platform/queues'
import type { DeliveryQueue } from './notification-service'

interface DeliveryJob {
  dedupeKey: string
  userId: string
}

/** A poll that finds events (new bills, notices, low balances) and publishes them. */
export interface Watch {
  name: string
  everyMs: number
  run(): Promise<void>
}

const DELIVERY_ATTEMPTS = 6

/**
 * Two BullMQ queues: deliveries, one job per (event, recipient) whose id is derived from the
 * pair, so a second publish adds no second job; and the watches, repeatable jobs with one
 * scheduler id each, so however many instances run, each poll runs once at a time.
 */
export class NotificationJobs implements DeliveryQueue {
  private readonly deliveries: Queue<DeliveryJob>
  private readonly watches: Queue<Record<string, never>>

  constructor(
    private readonly queues: QueueFactory,
    namespace: string,
    private readonly logger: Logger,
  ) {
    this.deliveries = queues.queue<DeliveryJob>(`${namespace}-notify`, {
      attempts: DELIVERY_ATTEMPTS,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
    })
    this.watches = queues.queue<Record<string, never>>(`${namespace}-notify-watch`, {
      attempts: 1,
      removeOnComplete: { count: 100 },
      removeOnFail: { count: 100 },
    })
  }

  async enqueue(dedupeKey: string, userId: string): Promise<void> {
    // BullMQ refuses custom ids with ':' in them; the digest names the pair without one.
    const jobId = createHash('sha1').update(`${dedupeKey}\n${userId}`).digest('hex')
    await this.deliveries.add('deliver', { dedupeKey, userId }, { jobId })
  }

  /** Not awaited: a Redis that is down at start must not hold the BFF's start-up. */
  start(
    deliver: (dedupeKey: string, userId: string, lastAttempt: boolean) => Promise<void>,
    watches: readonly Watch[],
  ): void {
    this.queues.worker<DeliveryJob>(
      this.deliveries.name,
      (job) => {
        const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1)
        return deliver(job.data.dedupeKey, job.data.userId, lastAttempt)
      },
      4,
    )
    for (const watch of watches) {
      this.watches
        .upsertJobScheduler(watch.name, { every: watch.everyMs }, { name: watch.name, data: {} })
        .catch((err: unknown) =>
          this.logger.error({ err, watch: watch.name }, 'watch not scheduled'),
        )
    }
    const byName = new Map(watches.map((w) => [w.name, w]))
    this.queues.worker<Record<string, never>>(
      this.watches.name,
      async (job) => {
        await byName.get(job.name)?.run()
      },
      1,
    )
  }

  /** The watches' schedulers, as BullMQ holds them. */
  schedules() {
    return this.watches.getJobSchedulers()
  }
}
