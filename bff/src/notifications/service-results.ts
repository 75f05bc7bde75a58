import type { AccountChangeNotices } from '../account-changes/account-change-service'
import type { HeatingNotices } from '../heating/heating-ports'
import type { Logger } from '../platform/logger'
import type { NotificationEvent, NotificationPublisher } from './notification-event'

/** What a resident applied for, told back through the notification service; never throws. */
function sender(publisher: NotificationPublisher, logger: Logger) {
  return async (event: NotificationEvent): Promise<void> => {
    try {
      await publisher.publish(event)
    } catch (err) {
      logger.warn({ type: event.type, err }, 'service result notice failed')
    }
  }
}

/**
 * The heating feature's notices: a 报停 / 恢复供暖 application taken or withdrawn, a measurement
 * visit booked (to the resident who asked), and a compensation credited on the bill (to the
 * account's residents, once per complaint).
 */
export function heatingNotifier(publisher: NotificationPublisher, logger: Logger): HeatingNotices {
  const send = sender(publisher, logger)
  return {
    applicationChanged: async ({ accountNo, userId, application }) => {
      const cancelled = application.status === 'cancelled'
      await send({
        type: 'heating_application',
        accountNo,
        dedupeKey: `heating_application:${application.applicationId}:${application.status}`,
        recipients: [userId],
        data: {
          ref: application.applicationId,
          subject: application.kindLabel,
          state: cancelled ? '已撤回' : '已受理',
          detail: cancelled
            ? `${application.season.label}的申请已撤回，供暖费按原标准收取。`
            : `${application.season.label}供暖费按新标准计收。${application.cancelNote}`,
          at: application.cancelledAt ?? application.appliedAt,
          amountFen: application.seasonFeeFen,
        },
      })
    },
    visitBooked: async ({ accountNo, userId, complaint }) => {
      const { visit } = complaint
      await send({
        type: 'heating_visit',
        accountNo,
        dedupeKey: `heating_visit:${complaint.complaintId}`,
        recipients: [userId],
        data: {
          ref: complaint.complaintId,
          subject: '室温测量',
          state: '已预约',
          detail: `工作人员将在${visit.label}上门测量室温，请家中留人。`,
          at: visit.startsAt,
        },
      })
    },
    compensationCredited: async ({ accountNo, complaint }) => {
      const { compensation } = complaint
      if (!compensation?.credited) return
      await send({
        type: 'heating_compensation',
        accountNo,
        dedupeKey: `heating_compensation:${complaint.complaintId}`,
        data: {
          ref: complaint.complaintId,
          subject: '室温补偿',
          state: '已入账',
          detail: `室温不达标补偿${compensation.days}天已在供暖费账单中扣减。`,
          at: `${compensation.creditOn}T00:00:00+08:00`,
          amountFen: compensation.amountFen,
        },
      })
    },
  }
}

/** The account-changes feature's notices: the decision, to the resident who asked. */
export function accountChangeNotifier(
  publisher: NotificationPublisher,
  logger: Logger,
): AccountChangeNotices {
  const send = sender(publisher, logger)
  return {
    decided: async ({ accountNo, userId, change }) => {
      await send({
        type: 'account_change',
        accountNo,
        dedupeKey: `account_change:${change.changeId}:${change.status}`,
        recipients: [userId],
        data: {
          ref: change.changeId,
          subject: change.kindLabel,
          state: change.statusLabel,
          detail: change.result,
          at: change.decidedAt ?? change.submittedAt,
          ...(change.refundFen !== null && change.refundFen > 0
            ? { amountFen: change.refundFen }
            : {}),
        },
      })
    },
  }
}
