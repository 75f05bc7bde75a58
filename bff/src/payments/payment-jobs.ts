import { DelayedError, type Job, type Queue } from 'bullmq'
import type { QueueFactory } from '../platform/queues'

/** What a step of a job decided: finished, or look again later. */
export type Next = { done: true } | { retryInMs: number }
export const done: Next = { done: true }

/** Runs one step for an order; `tries` counts the waits so far (for backoff). */
type StepRunner = (orderId: string, tries: number) => Promise<Next>

/** Enqueues an order's jobs; idempotent per order and kind. */
export interface JobScheduler {
  settle(orderId: string): Promise<void>
  watch(orderId: string, delayMs: number): Promise<void>
}

interface OrderJob {
  orderId: string
  tries: number
}

/**
 * Two BullMQ queues whose job id is the order id, so each order has at most one job of each
 * kind however many instances enqueue it: `settle` (credit → card write → refund) and `watch`
 * (query the provider while no notification comes). A job that must wait reschedules itself
 * (moveToDelayed), keeping its id; only unexpected errors use BullMQ's attempts.
 */
export class PaymentJobs implements JobScheduler {
  private readonly settleQueue: Queue<OrderJob>
  private readonly watchQueue: Queue<OrderJob>

  constructor(
    private readonly queues: QueueFactory,
    namespace: string,
  ) {
    const defaults = { removeOnComplete: true, removeOnFail: true }
    this.settleQueue = queues.queue<OrderJob>(`${namespace}-settle`, defaults)
    this.watchQueue = queues.queue<OrderJob>(`${namespace}-watch`, defaults)
  }

  /** Idempotent: a job already waiting, delayed or running for the order is left as it is. */
  async settle(orderId: string): Promise<void> {
    await this.settleQueue.add('settle', { orderId, tries: 0 }, { jobId: orderId })
  }

  async watch(orderId: string, delayMs: number): Promise<void> {
    await this.watchQueue.add('watch', { orderId, tries: 0 }, { jobId: orderId, delay: delayMs })
  }

  start(settle: StepRunner, watch: StepRunner): void {
    this.queues.worker<OrderJob>(this.settleQueue.name, (job, token) => run(job, token, settle))
    this.queues.worker<OrderJob>(this.watchQueue.name, (job, token) => run(job, token, watch))
  }
}

async function run(job: Job<OrderJob>, token: string | undefined, step: StepRunner): Promise<void> {
  const next = await step(job.data.orderId, job.data.tries)
  if ('done' in next) return
  await job.updateData({ ...job.data, tries: job.data.tries + 1 })
  await job.moveToDelayed(Date.now() + next.retryInMs, token)
  throw new DelayedError()
}

/** base × 2^tries, capped, plus up to 20% jitter so retries of many orders spread out. */
export function backoff(tries: number, baseMs: number, maxMs: number): number {
  const ms = Math.min(maxMs, baseMs * 2 ** Math.min(tries, 30))
  return Math.round(ms + Math.random() * ms * 0.2)
}
