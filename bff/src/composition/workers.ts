import type { Features } from './services'

interface Workers {
  /** Stops the sweep; the queues' workers stop when the queues close. */
  stop(): Promise<void>
}

/**
 * Starts what runs in the background on this instance: the payment jobs' workers and their
 * safety-net sweep, and the daily reconciliation's scheduler and worker.
 */
export function startWorkers({ payments, reconciliation }: Features): Workers {
  payments.jobs.start(payments.settlement.step, payments.watch.step)
  payments.recovery.start()
  reconciliation.jobs.start()
  return { stop: () => payments.recovery.stop() }
}
