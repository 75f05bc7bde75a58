import type { Queue } from 'bullmq'
import type { Logger } from '../platform/logger'
import type { QueueFactory } from '../platform/queues'
import { previousShanghaiDay } from './day'
import type { ReconciliationRun } from './reconciliation-service'

interface ReconcileJob {
  /** The day to reconcile; the daily run leaves it out and takes yesterday. */
  day?: string
}

const DAILY_SCHEDULE = { pattern: '0 10 * * *', tz: 'Asia/Shanghai' } as const

/**
 * The daily run as a BullMQ job scheduler: 10:00 Shanghai, for yesterday (WeChat Pay and Alipay
 * publish bills from 09:00). A run whose bill was not there yet fails, and BullMQ retries it
 * with backoff (10 min, 20 min, … about 5 h in all). One scheduler id for every instance, so
 * however many run, each day is reconciled by one worker at a time.
 */
export class ReconciliationJobs {
  private readonly queue: Queue<ReconcileJob>

  constructor(
    private readonly queues: QueueFactory,
    namespace: string,
    private readonly run: (day: string) => Promise<ReconciliationRun>,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {
    this.queue = queues.queue<ReconcileJob>(`${namespace}-reconcile`, {
      attempts: 6,
      backoff: { type: 'exponential', delay: 10 * 60_000 },
      removeOnComplete: { count: 60 },
      removeOnFail: { count: 60 },
    })
  }

  /** Not awaited: a Redis that is down at start must not hold the BFF's start-up. */
  start(): void {
    this.queue
      .upsertJobScheduler('daily-reconciliation', DAILY_SCHEDULE, { name: 'reconcile', data: {} })
      .catch((err: unknown) => this.logger.error({ err }, 'daily reconciliation not scheduled'))
    this.queues.worker<ReconcileJob>(
      this.queue.name,
      async (job) => {
        // Retries end by ~15:00, so "yesterday" is still the day the run was scheduled for.
        const day = job.data.day ?? previousShanghaiDay(this.now())
        const result = await this.run(day)
        if (result.unavailable.length > 0) {
          throw new Error(`bills not available yet: ${result.unavailable.join(', ')}`)
        }
        return { day, repaired: result.repaired, findings: result.findings.length }
      },
      1,
    )
  }

  schedule() {
    return this.queue.getJobScheduler('daily-reconciliation')
  }
}
