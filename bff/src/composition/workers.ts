import type { Features } from './services'

interface Workers {
  /** Stops the sweep; the queues' workers stop when the queues close. */
  stop(): Promise<void>
}

/**
 * Starts what runs in the background on this instance: the payment jobs' workers and their
 * safety-net sweep, the daily reconciliation's scheduler and worker, the repair step job, the
 * unused repair photos' sweep, the notifications' delivery worker and watches, and the account
 * changes' sync.
 */
export function startWorkers({
  payments,
  reconciliation,
  repairs,
  notifications,
  safety,
  accountChanges,
}: Features): Workers {
  payments.jobs.start(payments.settlement.step, payments.watch.step)
  payments.recovery.start()
  reconciliation.jobs.start()
  repairs.jobs.start()
  repairs.photoSweepJobs.start()
  notifications.start()
  safety.jobs.start()
  accountChanges.jobs.start()
  return { stop: () => payments.recovery.stop() }
}
