import { Column, Entity, PrimaryColumn } from 'typeorm'
import { InstantColumn } from '../platform/db/columns'

/** 一键求助 for an account: on by default when the CIS marks the holder as living alone. */
@Entity({ name: 'help_settings' })
export class HelpSettingsRow {
  @PrimaryColumn({ type: 'varchar', length: 10, name: 'account_no' })
  accountNo!: string

  @Column({ type: 'boolean' })
  enabled!: boolean

  @Column({ type: 'boolean', name: 'share_location' })
  shareLocation!: boolean

  @Column({ type: 'varchar', length: 36, name: 'updated_by' })
  updatedBy!: string

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: Date
}

/**
 * One alert as sent: (sender, idempotency key) is unique, so a retried press is the same alert.
 * The desk's reference is set once the desk took it; the acknowledgement once a person did.
 */
@Entity({ name: 'help_alerts' })
export class HelpAlertRow {
  @PrimaryColumn({ type: 'varchar', length: 32, name: 'alert_id' })
  alertId!: string

  @Column({ type: 'varchar', length: 10, name: 'account_no' })
  accountNo!: string

  @Column({ type: 'varchar', length: 36, name: 'user_id' })
  userId!: string

  @Column({ type: 'varchar', length: 128, name: 'idempotency_key' })
  idempotencyKey!: string

  @Column({ type: 'varchar', length: 16 })
  kind!: 'help' | 'gas_smell'

  /** A fuzzy position as '38.043,114.515'; null when none was allowed or given. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  location!: string | null

  @Column({ type: 'varchar', length: 32, name: 'desk_ref', nullable: true })
  deskRef!: string | null

  @Column({ type: 'varchar', length: 40, name: 'desk_label', nullable: true })
  deskLabel!: string | null

  @InstantColumn({ name: 'desk_reached_at', nullable: true })
  deskReachedAt!: Date | null

  /** Who confirmed: '家人 138****0011' or '新华区燃气服务站 张师傅'. */
  @Column({ type: 'varchar', length: 60, name: 'acknowledged_by', nullable: true })
  acknowledgedBy!: string | null

  @InstantColumn({ name: 'acknowledged_at', nullable: true })
  acknowledgedAt!: Date | null

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date
}

/** Each family member an alert reached, once: the primary key makes a retry add no one twice. */
@Entity({ name: 'help_alert_recipients' })
export class HelpAlertRecipientRow {
  @PrimaryColumn({ type: 'varchar', length: 32, name: 'alert_id' })
  alertId!: string

  @PrimaryColumn({ type: 'varchar', length: 36, name: 'user_id' })
  userId!: string

  @Column({ type: 'varchar', length: 40 })
  label!: string

  @InstantColumn({ name: 'reached_at' })
  reachedAt!: Date
}

export const helpAlertEntities = [HelpSettingsRow, HelpAlertRow, HelpAlertRecipientRow]
