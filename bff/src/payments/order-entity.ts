import { Column, Entity, PrimaryColumn } from 'typeorm'
import type { OrderState, PaymentChannel, PayableAccountKind, PaymentPurpose } from '@gh/shared'
import { InstantColumn } from '../platform/db/columns'
import type { ProviderName } from '../upstream/payment-providers/payment-providers-port'

/**
 * One top-up or bill payment. `state` only ever changes through OrderRepository.transition, a
 * conditional update that also writes an OrderTransition row in the same transaction.
 */
@Entity({ name: 'payment_orders' })
export class PaymentOrderRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string

  @Column({ type: 'varchar', length: 32, name: 'out_trade_no' })
  outTradeNo!: string

  @Column({ type: 'varchar', length: 36, name: 'user_id' })
  userId!: string

  @Column({ type: 'varchar', length: 128, name: 'idempotency_key' })
  idempotencyKey!: string

  @Column({ type: 'varchar', length: 10, name: 'account_no' })
  accountNo!: string

  @Column({ type: 'varchar', length: 16, name: 'account_kind' })
  accountKind!: PayableAccountKind

  @Column({ type: 'varchar', length: 8 })
  purpose!: PaymentPurpose

  @Column({ type: 'varchar', length: 8 })
  channel!: PaymentChannel

  @Column({ type: 'varchar', length: 16 })
  provider!: ProviderName

  @Column({ type: 'integer', name: 'amount_fen' })
  amountFen!: number

  @Column({ type: 'integer', name: 'to_arrears_fen' })
  toArrearsFen!: number

  @Column({ type: 'varchar', length: 24 })
  state!: OrderState

  @Column({ type: 'integer' })
  version!: number

  /** JSON of ClientPayParams, kept so a retried request can pay the same provider order. */
  @Column({ type: 'text', name: 'client_params', nullable: true })
  clientParams!: string | null

  @Column({ type: 'varchar', length: 64, name: 'transaction_id', nullable: true })
  transactionId!: string | null

  /** What the provider says was paid; differs from amountFen only on a provider fault. */
  @Column({ type: 'integer', name: 'paid_fen', nullable: true })
  paidFen!: number | null

  @Column({ type: 'varchar', length: 64, name: 'refund_no', nullable: true })
  refundNo!: string | null

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: Date

  @InstantColumn({ name: 'expires_at' })
  expiresAt!: Date

  @InstantColumn({ name: 'paid_at', nullable: true })
  paidAt!: Date | null
}

/** Every state change of an order: the audit trail and the resident's timeline. */
@Entity({ name: 'payment_order_transitions' })
export class OrderTransitionRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string

  @Column({ type: 'varchar', length: 36, name: 'order_id' })
  orderId!: string

  @Column({ type: 'varchar', length: 24, name: 'from_state', nullable: true })
  fromState!: OrderState | null

  @Column({ type: 'varchar', length: 24, name: 'to_state' })
  toState!: OrderState

  @Column({ type: 'varchar', length: 64 })
  cause!: string

  @InstantColumn({ name: 'at' })
  at!: Date
}
