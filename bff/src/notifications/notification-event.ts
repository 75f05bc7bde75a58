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

/** A 一键求助 alert, for the family members bound to the account. */
export interface HelpAlertFacts {
  alertId: string
  /** 需要帮助, 闻到燃气味 */
  kindLabel: string
  /** The account's address in full: family members go there. */
  address: string
  at: string
}

/** A hose, an alarm or an appliance that has reached its service life (安全自查). */
export interface ServiceLifeFacts {
  /** 橡胶软管, 燃气报警器, 燃气热水器 */
  label: string
  /** The day it reached its service life, YYYY-MM-DD. */
  dueOn: string
  /** 18个月, 5年 */
  lifeLabel: string
}

/** An 入户安检 visit booked for tomorrow. */
export interface InspectionTomorrowFacts {
  inspectionId: string
  /** 定期安检 or 复检 */
  kindLabel: string
  /** 12月7日 周一 上午 9:00–12:00 */
  slotLabel: string
  /** The window's start, ISO. */
  from: string
}

/**
 * The result of something the resident applied for: a 报停 / 恢复供暖 application, a 室温
 * measurement visit booked, a compensation credited, a 过户 / 销户 / 信息变更 decided.
 */
export interface ServiceResultFacts {
  /** The application's, complaint's or request's id. */
  ref: string
  /** 报停, 恢复供暖, 室温测量, 室温补偿, 过户, 销户, 信息变更 */
  subject: string
  /** 已受理, 已撤回, 已预约, 已入账, 已办结, 未通过: five characters at most. */
  state: string
  /** One sentence more; no phone numbers, names or ID numbers. */
  detail: string
  at: string
  amountFen?: number
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
  | Base<
      'heating_application' | 'heating_visit' | 'heating_compensation' | 'account_change',
      ServiceResultFacts
    >
  | Base<'service_life_due', ServiceLifeFacts>
  | Base<'inspection_tomorrow', InspectionTomorrowFacts>
  | Base<'help_alert', HelpAlertFacts>

/**
 * Only a payment's result may reach someone not bound to the account (the payer through a share
 * card); every other event is the account's news, for its current residents only.
 */
export function reachesUnbound(event: NotificationEvent): boolean {
  return event.type === 'payment_result'
}

/** A help alert reaches its recipients whatever their switches say: it cannot wait. */
export function ignoresSwitches(event: NotificationEvent): boolean {
  return event.type === 'help_alert'
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
