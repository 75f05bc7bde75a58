import { Queue, Worker, type ConnectionOptions, type JobsOptions, type Processor } from 'bullmq'
import type { Logger } from './logger'
import { redisOptionsFromUrl } from './redis'

/**
 * Builds BullMQ queues and workers on one Redis URL (TLS and Sentinel as `createRedis` reads it)
 * with the project's defaults: jobs retried
 * with exponential backoff, completed jobs trimmed, failures logged without their payload
 * (payloads can carry personal data).
 */
export class QueueFactory {
  private readonly queues = new Map<string, Queue>()
  private readonly workers: Worker[] = []
  private readonly connection: ConnectionOptions

  constructor(
    redisUrl: string,
    private readonly logger: Logger,
    /** In braces: BullMQ's scripts touch several keys of a queue, one Cluster slot for all. */
    private readonly prefix = '{gh}',
  ) {
    this.connection = { ...redisOptionsFromUrl(redisUrl), maxRetriesPerRequest: null }
  }

  queue<T>(name: string, defaults: JobsOptions = {}): Queue<T> {
    let q = this.queues.get(name)
    if (!q) {
      q = new Queue(name, {
        connection: this.connection,
        prefix: this.prefix,
        defaultJobOptions: {
          attempts: 8,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { age: 24 * 3600, count: 10_000 },
          removeOnFail: { age: 7 * 24 * 3600 },
          ...defaults,
        },
      })
      this.queues.set(name, q)
    }
    return q as Queue<T>
  }

  worker<T>(name: string, processor: Processor<T>, concurrency = 8): Worker<T> {
    const worker = new Worker<T>(name, processor, {
      connection: this.connection,
      prefix: this.prefix,
      concurrency,
    })
    worker.on('failed', (job, err) => {
      this.logger.warn(
        { queue: name, jobId: job?.id, attempts: job?.attemptsMade, err: err.message },
        'job failed',
      )
    })
    this.workers.push(worker as Worker)
    return worker
  }

  /** Jobs per queue of this process and state, for the queue-depth gauge. */
  async depths(): Promise<{ queue: string; state: string; count: number }[]> {
    const names = new Set([...this.queues.keys(), ...this.workers.map((w) => w.name)])
    const rows = await Promise.all(
      [...names].map(async (name) => {
        const counts = await this.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed')
        return Object.entries(counts).map(([state, count]) => ({ queue: name, state, count }))
      }),
    )
    return rows.flat()
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()))
    await Promise.all([...this.queues.values()].map((q) => q.close()))
  }
}
