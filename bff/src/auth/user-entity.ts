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

/**
 * One login method of a user. `wechat_union` holds the unionid, which is the same person across
 * the utility's WeChat apps; `wechat` the openid of this mini-program; `phone` the mobile number.
 */
export type IdentityProvider = 'wechat' | 'wechat_union' | 'alipay' | 'phone'

@Entity({ name: 'user_identities' })
export class UserIdentity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string

  @Column({ type: 'varchar', length: 36, name: 'user_id' })
  userId!: string

  @Column({ type: 'varchar', length: 16 })
  provider!: IdentityProvider

  @Column({ type: 'varchar', length: 128 })
  subject!: string

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date
}
