import { Entity, PrimaryColumn, Column } from 'typeorm'
import { InstantColumn } from '../platform/db/columns'

/** A user's right to act on an account (户号). The binding guard reads only this table. */
@Entity({ name: 'account_bindings' })
export class AccountBinding {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string

  @Column({ type: 'varchar', length: 36, name: 'user_id' })
  userId!: string

  @Column({ type: 'varchar', length: 10, name: 'account_no' })
  accountNo!: string

  @Column({ type: 'varchar', length: 16, nullable: true })
  label!: string | null

  @Column({ type: 'boolean', name: 'is_default', default: false })
  isDefault!: boolean

  @Column({ type: 'varchar', length: 16, default: 'owner' })
  role!: 'owner' | 'family'

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date
}
