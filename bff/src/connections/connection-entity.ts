import { Column, Entity, PrimaryColumn } from 'typeorm'
import { InstantColumn } from '../platform/db/columns'

/**
 * Who applied for a connection: the CIS keeps the application, we keep whose it is (a first
 * connection has no account to bind yet) and when its account was bound to the applicant.
 * (user, idempotency key) is unique, so a retried application answers the first.
 */
@Entity({ name: 'connection_applications' })
export class ConnectionApplicationRow {
  @PrimaryColumn({ type: 'varchar', length: 16, name: 'application_id' })
  applicationId!: string

  @Column({ type: 'varchar', length: 36, name: 'user_id' })
  userId!: string

  @Column({ type: 'varchar', length: 128, name: 'idempotency_key' })
  idempotencyKey!: string

  @Column({ type: 'varchar', length: 10, name: 'from_account_no', nullable: true })
  fromAccountNo!: string | null

  /** The account the installed meter opened; set when it is bound to the applicant. */
  @Column({ type: 'varchar', length: 10, name: 'account_no', nullable: true })
  accountNo!: string | null

  /** Which documents were handed in ('property,id_card'); the photos stay with the photo store. */
  @Column({ type: 'varchar', length: 60, name: 'document_kinds' })
  documentKinds!: string

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date

  @InstantColumn({ name: 'bound_at', nullable: true })
  boundAt!: Date | null
}
