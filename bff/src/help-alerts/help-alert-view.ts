import { HELP_ALERT_KIND_LABELS, maskAddress, type HelpAlert } from '@gh/shared'
import { toShanghaiIso } from '../platform/time'
import type { HelpAlertRecipientRow, HelpAlertRow } from './help-alert-entities'

/** An alert as its page shows it: who was reached and when, and who confirmed. */
export function alertView(
  row: HelpAlertRow,
  reached: HelpAlertRecipientRow[],
  address: string,
  userId: string,
): HelpAlert {
  const family = [...reached]
    .sort((a, b) => a.reachedAt.getTime() - b.reachedAt.getTime())
    .map((r) => ({
      kind: 'family' as const,
      label: r.label,
      reachedAt: toShanghaiIso(r.reachedAt),
    }))
  const desk = {
    kind: 'desk' as const,
    label: row.deskLabel ?? '片区服务站',
    reachedAt: row.deskReachedAt ? toShanghaiIso(row.deskReachedAt) : null,
  }
  const count = family.length + (desk.reachedAt ? 1 : 0)
  return {
    alertId: row.alertId,
    kind: row.kind,
    kindLabel: HELP_ALERT_KIND_LABELS[row.kind],
    createdAt: toShanghaiIso(row.createdAt),
    addressMasked: maskAddress(address),
    locationShared: row.location !== null,
    reached: [desk, ...family],
    acknowledged:
      row.acknowledgedBy && row.acknowledgedAt
        ? { by: row.acknowledgedBy, at: toShanghaiIso(row.acknowledgedAt) }
        : null,
    statusLabel: row.acknowledgedBy
      ? `${row.acknowledgedBy}已确认`
      : count > 0
        ? `已通知${count}方，等待确认`
        : '正在发送',
    mine: row.userId === userId,
  }
}
