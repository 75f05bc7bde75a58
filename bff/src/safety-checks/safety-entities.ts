import { Column, Entity, Index, PrimaryColumn } from 'typeorm'
import { InstantColumn } from '../platform/db/columns'

/** The latest 安全自查 answers of an account (JSON), whoever of its residents saved them. */
@Entity({ name: 'self_checks' })
export class SelfCheckRow {
  @PrimaryColumn({ type: 'varchar', length: 10, name: 'account_no' })
  accountNo!: string

  @Column({ type: 'varchar', length: 2000 })
  answers!: string

  @Column({ type: 'varchar', length: 36, name: 'checked_by' })
  checkedBy!: string

  @InstantColumn({ name: 'checked_at' })
  checkedAt!: Date
}

/** Each safety reminder sent: one per service-life crossing or booked visit, never twice. */
@Entity({ name: 'safety_reminders' })
@Index('ix_safety_reminders_account', ['accountNo'])
export class SafetyReminderRow {
  @PrimaryColumn({ type: 'varchar', length: 120, name: 'reminder_key' })
  reminderKey!: string

  @Column({ type: 'varchar', length: 10, name: 'account_no' })
  accountNo!: string

  @Column({ type: 'varchar', length: 24 })
  kind!: string

  @InstantColumn({ name: 'sent_at' })
  sentAt!: Date
}

/** Inspections booked through the app, so the day-before reminder knows whom to remind. */
@Entity({ name: 'safety_inspections' })
@Index('ix_safety_inspections_due', ['state', 'slotDate'])
export class SafetyInspectionRow {
  @PrimaryColumn({ type: 'varchar', length: 32, name: 'inspection_id' })
  inspectionId!: string

  @Column({ type: 'varchar', length: 10, name: 'account_no' })
  accountNo!: string

  @Column({ type: 'varchar', length: 10, name: 'slot_date', nullable: true })
  slotDate!: string | null

  @Column({ type: 'varchar', length: 16 })
  state!: string

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: Date
}

export const safetyEntities = [SelfCheckRow, SafetyReminderRow, SafetyInspectionRow]
