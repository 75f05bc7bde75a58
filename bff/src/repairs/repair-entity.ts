import { Column, Entity, PrimaryColumn } from 'typeorm'
import type { RepairState } from '@gh/shared'
import { InstantColumn } from '../platform/db/columns'

/**
 * A repair reported through this app: which user reported it for which account, and how much
 * of its timeline the step job has already told them about. The work-order system holds the
 * repair itself; this row only lets the job follow it.
 */
@Entity({ name: 'repairs' })
export class RepairRow {
  @PrimaryColumn({ type: 'varchar', length: 32, name: 'repair_no' })
  repairNo!: string

  @Column({ type: 'varchar', length: 10, name: 'account_no' })
  accountNo!: string

  @Column({ type: 'varchar', length: 36, name: 'user_id' })
  userId!: string

  /** Timeline events already handed to the step hook (the first `seenEvents` of them). */
  @Column({ type: 'integer', name: 'seen_events' })
  seenEvents!: number

  @Column({ type: 'varchar', length: 16 })
  state!: RepairState

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: Date
}
