import type { RepairEvent, RepairKind } from '@gh/shared'
import type { Logger } from '../platform/logger'
import type { WorkOrdersPort } from '../upstream/workorders/workorders-port'
import type { RepairStore } from './repair-store'
import { eventsOf, stateOf } from './repair-view'
import { kindLabel } from './repair-words'

/** The repair a step belongs to, and who reported it through the app. */
export interface RepairStepSubject {
  repairNo: string
  accountNo: string
  userId: string
  kind: RepairKind
  kindLabel: string
}

/** One new event of a repair's timeline, in the resident's words. */
export interface RepairStep extends RepairEvent {
  /** Its place in the timeline: with the repair number it names the event once. */
  index: number
}

/** The one hook the step job calls for every new event; composition decides what it does. */
export type OnRepairStep = (repair: RepairStepSubject, step: RepairStep) => Promise<void>

interface RepairSyncDeps {
  store: RepairStore
  workorders: WorkOrdersPort
  onStep: OnRepairStep
  hotline: string
  logger: Logger
  now: () => Date
  /** Repairs looked at per run; the one looked at longest ago first, so none is starved. */
  batch?: number
}

/**
 * Follows the repairs reported through the app: reads each open one from the work-order
 * system and hands every timeline event it has not handed on before to `onStep`, in order.
 * The seen mark moves only past events that were handed on, and only from where this run
 * found it, so overlapping runs hand each event on once.
 */
export class RepairSync {
  constructor(private readonly deps: RepairSyncDeps) {}

  async runOnce(): Promise<{ followed: number; steps: number }> {
    const { store, workorders, logger } = this.deps
    const open = await store.open(this.deps.batch ?? 200)
    let steps = 0
    for (const known of open) {
      try {
        const order = await workorders.get(known.repairNo)
        if (!order) continue
        const events = eventsOf(order, this.deps.hotline)
        const subject: RepairStepSubject = {
          repairNo: known.repairNo,
          accountNo: known.accountNo,
          userId: known.userId,
          kind: order.kind,
          kindLabel: kindLabel(order.kind),
        }
        let seen = known.seenEvents
        for (const [index, event] of events.entries()) {
          if (index < seen) continue
          await this.deps.onStep(subject, { ...event, index })
          seen = index + 1
          steps += 1
        }
        await store.advance(known.repairNo, known.seenEvents, seen, stateOf(order), this.deps.now())
      } catch (err) {
        // One repair the system cannot answer for must not hold up the others.
        logger.warn({ repairNo: known.repairNo, err }, 'repair step sync failed')
      }
    }
    return { followed: open.length, steps }
  }
}
