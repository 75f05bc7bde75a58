import type { Logger } from '../platform/logger'
import type { OnRepairStep, RepairStep } from '../repairs/repair-sync'
import type { NotificationPublisher } from './notification-event'

/**
 * Steps the resident learns of from the utility; the ones they took themselves (submitting,
 * urging, rating, reopening) are not told back to them.
 */
const TOLD: ReadonlySet<RepairStep['type']> = new Set([
  'accepted',
  'dispatched',
  'on_the_way',
  'arrived',
  'resolved',
  'escalated',
])

/** Labels longer than WeChat's five-character phrase keyword, said short. */
const PHRASES: Partial<Record<RepairStep['type'], string>> = { escalated: '已升级督办' }

/**
 * The repairs feature's `onRepairStep` hook on the notification service: each step reaches the
 * resident who reported the repair once (the step's place in the timeline names it), in their
 * inbox and on their channels. Never throws: a notice must not hold up the step job.
 */
export function repairStepNotifier(publisher: NotificationPublisher, logger: Logger): OnRepairStep {
  return async (repair, step) => {
    if (!TOLD.has(step.type)) return
    try {
      await publisher.publish({
        type: 'repair_step',
        accountNo: repair.accountNo,
        dedupeKey: `repair_step:${repair.repairNo}:${step.index}`,
        data: {
          repairId: repair.repairNo,
          kindLabel: repair.kindLabel,
          stepLabel: step.label,
          ...(PHRASES[step.type] ? { phrase: PHRASES[step.type] } : {}),
          detail: step.detail,
          at: step.at,
        },
        recipients: [repair.userId],
      })
    } catch (err) {
      logger.warn({ repairNo: repair.repairNo, step: step.type, err }, 'repair notice failed')
    }
  }
}
