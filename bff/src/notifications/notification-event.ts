import { createHash } from 'node:crypto'
import type { NotificationType, PaymentPurpose } from '@gh/shared'

/** A bill as a notice tells of it. */
export interface BillFacts {
  billId: string
  /** '2026年10月燃气费', '2026-2027采暖季供暖费'. */
  title: string
  /** What is still owed on it, late fee included. */
  outstandingFen: number
  /** ISO instant with offset. */
  dueAt: string
}

export interface LowBalanceFacts {
  balanceFen: number
  thresholdFen: number
}

/** A supply-stop notice (停气/停暖) of the account's area, as the content system has it. */
export interface SupplyStopFacts {
  noticeId: string
  kind: 'gas' | 'heating'
  reason: string
  scope: string
  startsAt: string
  endsAt: string
}

/** One step of a repair (报修) as the resident follows it. */
export interface RepairStepFacts {
  repairId: string
  /** 燃气泄漏/闻到燃气味, 暖气不热. */
  kindLabel: string
  /** The step in a few words: 已受理, 已派单, 师傅已出发, 已上门, 已完成. */
  stepLabel: string
  /** The state in five characters or fewer (WeChat's phrase keyword), when the label is longer. */
  phrase?: string
  /** More about the step (the technician's ETA, a note); no phone numbers. */
  detail: string | null
  at: string
}

export interface PaymentResultFacts {
  orderNo: string
  purpose: PaymentPurpose
  amountFen: number
  /** CREDITED, AWAITING_CARD_WRITE, CARD_WRITTEN, REFUNDED or CLOSED. */
  state: string
}

interface Base<T extends NotificationType, D> {
  type: T
  accountNo: string
  /**
   * Names the event once, whoever publishes it and however often: `bill_issued:<billId>`,
   * `supply_stop_changed:<noticeId>:<version>`. One event reaches one recipient once per channel.
   */
  dedupeKey: string
  data: D
  /**
   * Only these users, when given (the payer of an order, the resident whose balance crossed
   * their threshold); else every user bound to the account who wants the event's group. A named
   * recipient must still be bound, unless `reachesUnbound`.
   */
  recipients?: string[]
}

export type NotificationEvent =
  | Base<'bill_issued' | 'bill_due_soon' | 'bill_overdue', BillFacts>
  | Base<'low_balance', LowBalanceFacts>
  | Base<'supply_stop_announced' | 'supply_stop_changed' | 'supply_stop_ended', SupplyStopFacts>
  | Base<'repair_step', RepairStepFacts>
  | Base<'payment_result', PaymentResultFacts>

/**
 * Only a payment's result may reach someone not bound to the account (the payer through a share
 * card); every other event is the account's news, for its current residents only.
 */
export function reachesUnbound(event: NotificationEvent): boolean {
  return event.type === 'payment_result'
}

/** What producers call; the notification service is the one implementation. */
export interface NotificationPublisher {
  /** Idempotent by the event's dedupe key. */
  publish(event: NotificationEvent): Promise<void>
}

/**
 * How logs name an event: a digest of its dedupe key, which holds account numbers and user
 * ids. The same event always has the same reference, so its log lines can still be followed.
 */
export function eventRef(dedupeKey: string): string {
  return createHash('sha256').update(dedupeKey).digest('hex').slice(0, 16)
}
