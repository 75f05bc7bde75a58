import { Column, Entity, PrimaryColumn } from 'typeorm'
import { InstantColumn } from '../platform/db/columns'

/**
 * A 过户 / 销户 / 信息变更 request made through us. The CIS owns the request and its decision;
 * this row remembers who asked and whether the decision's effect here (bindings closed, the
 * resident told) is done: `settled_at` stays null until then.
 */
@Entity({ name: 'account_changes' })
export class AccountChangeRow {
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'change_id' })
  changeId!: string

  @Column({ type: 'varchar', length: 10, name: 'account_no' })
  accountNo!: string

  @Column({ type: 'varchar', length: 36, name: 'user_id' })
  userId!: string

  @Column({ type: 'varchar', length: 10 })
  kind!: 'transfer' | 'close' | 'update'

  @Column({ type: 'varchar', length: 10 })
  state!: 'submitted' | 'reviewing' | 'approved' | 'rejected'

  /** Comma-separated photo ids, for the count only: the photos are never shown back. */
  @Column({ type: 'varchar', length: 400, name: 'photo_ids' })
  photoIds!: string

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date

  @InstantColumn({ name: 'settled_at', nullable: true })
  settledAt!: Date | null
}
