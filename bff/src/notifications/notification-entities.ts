import { Column, Entity, PrimaryColumn } from 'typeorm'
import type { NotificationType } from '@gh/shared'
import { InstantColumn } from '../platform/db/columns'

/**
 * One resident's message settings for one bound account. No row means the defaults; the row
 * also carries the low-balance alarm, so it fires once per crossing of that resident's threshold.
 */
@Entity({ name: 'notification_settings' })
export class NotificationSettingsRow {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'user_id' })
  userId!: string

  @PrimaryColumn({ type: 'varchar', length: 10, name: 'account_no' })
  accountNo!: string

  @Column({ type: 'boolean', name: 'bills_on' })
  billsOn!: boolean

  @Column({ type: 'boolean', name: 'balance_on' })
  balanceOn!: boolean

  @Column({ type: 'integer', name: 'low_balance_fen' })
  lowBalanceFen!: number

  @Column({ type: 'boolean', name: 'supply_stops_on' })
  supplyStopsOn!: boolean

  @Column({ type: 'boolean', name: 'repairs_on' })
  repairsOn!: boolean

  @Column({ type: 'boolean', name: 'payments_on' })
  paymentsOn!: boolean

  @Column({ type: 'boolean', name: 'wechat_on' })
  wechatOn!: boolean

  @Column({ type: 'boolean', name: 'alipay_on' })
  alipayOn!: boolean

  @Column({ type: 'boolean', name: 'sms_on' })
  smsOn!: boolean

  /** When the resident agreed to SMS; null while SMS is off. */
  @InstantColumn({ name: 'sms_consented_at', nullable: true })
  smsConsentedAt!: Date | null

  /** The balance is below the threshold and the resident has been told. */
  @Column({ type: 'boolean', name: 'balance_below' })
  balanceBelow!: boolean

  /** How many times the balance went below the threshold: names each crossing's event. */
  @Column({ type: 'integer', name: 'balance_crossings' })
  balanceCrossings!: number

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: Date
}

/** Every event published, once per dedupe key, with what its messages are made of. */
@Entity({ name: 'notification_events' })
export class NotificationEventRow {
  @PrimaryColumn({ type: 'varchar', length: 160, name: 'dedupe_key' })
  dedupeKey!: string

  @Column({ type: 'varchar', length: 32 })
  type!: NotificationType

  @Column({ type: 'varchar', length: 10, name: 'account_no' })
  accountNo!: string

  /** The event's facts and explicit recipients, as JSON. */
  @Column({ type: 'text' })
  payload!: string

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date

  /** Set once its recipients have their inbox messages and delivery jobs. */
  @InstantColumn({ name: 'fanned_out_at', nullable: true })
  fannedOutAt!: Date | null
}

/** 站内消息: one per (event, recipient). */
@Entity({ name: 'inbox_messages' })
export class InboxMessageRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string

  @Column({ type: 'varchar', length: 36, name: 'user_id' })
  userId!: string

  @Column({ type: 'varchar', length: 160, name: 'dedupe_key' })
  dedupeKey!: string

  @Column({ type: 'varchar', length: 10, name: 'account_no' })
  accountNo!: string

  @Column({ type: 'varchar', length: 32 })
  type!: NotificationType

  @Column({ type: 'varchar', length: 100 })
  title!: string

  @Column({ type: 'varchar', length: 500 })
  body!: string

  @Column({ type: 'varchar', length: 300, nullable: true })
  page!: string | null

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date

  @InstantColumn({ name: 'read_at', nullable: true })
  readAt!: Date | null
}

export type SendChannel = 'wechat' | 'alipay' | 'sms'
/** sending: claimed, outcome unknown; not_delivered: the platform refused (no subscription). */
export type SendStatus = 'sending' | 'sent' | 'not_delivered' | 'failed'

/** One send of one event to one recipient on one channel: (dedupe key, user, channel) is unique. */
@Entity({ name: 'notification_sends' })
export class NotificationSendRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string

  @Column({ type: 'varchar', length: 160, name: 'dedupe_key' })
  dedupeKey!: string

  @Column({ type: 'varchar', length: 36, name: 'user_id' })
  userId!: string

  @Column({ type: 'varchar', length: 8 })
  channel!: SendChannel

  @Column({ type: 'varchar', length: 16 })
  status!: SendStatus

  @Column({ type: 'varchar', length: 128, name: 'template_id', nullable: true })
  templateId!: string | null

  /** Why it failed, as an error name or code: never the message or the address. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  detail!: string | null

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: Date
}

/** The last version of each supply-stop notice seen, so each change is published once. */
@Entity({ name: 'supply_notices_seen' })
export class SupplyNoticeSeenRow {
  @PrimaryColumn({ type: 'varchar', length: 40, name: 'notice_id' })
  noticeId!: string

  @Column({ type: 'varchar', length: 8, name: 'area_code' })
  areaCode!: string

  /** A digest of what the resident is told: times, reason, scope. */
  @Column({ type: 'varchar', length: 40 })
  version!: string

  @Column({ type: 'boolean' })
  ended!: boolean

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: Date
}

export const notificationEntities = [
  NotificationSettingsRow,
  NotificationEventRow,
  InboxMessageRow,
  NotificationSendRow,
  SupplyNoticeSeenRow,
]
