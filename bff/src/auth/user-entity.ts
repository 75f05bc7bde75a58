import { Entity, PrimaryColumn, Column } from 'typeorm'
import { InstantColumn } from '../platform/db/columns'

@Entity({ name: 'users' })
export class User {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date

  @InstantColumn({ name: 'deleted_at', nullable: true })
  deletedAt!: Date | null
}

/** One login method of a user (wechat openid/unionid, alipay user id, phone). */
@Entity({ name: 'user_identities' })
export class UserIdentity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string

  @Column({ type: 'varchar', length: 36, name: 'user_id' })
  userId!: string

  @Column({ type: 'varchar', length: 16 })
  provider!: 'wechat' | 'alipay' | 'phone'

  @Column({ type: 'varchar', length: 128 })
  subject!: string

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date
}
