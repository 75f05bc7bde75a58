import { Column, Entity, PrimaryColumn } from 'typeorm'
import type { OrderState } from '@gh/shared'
import { InstantColumn } from '../platform/db/columns'
import type { ProviderName } from '../upstream/payment-providers/payment-providers-port'

/**
 * What a comparison found about one order (or one bill) of a day:
 * - matched / refund_matched: bill, order and billing agree;
 * - paid_not_recorded: paid at the provider, unpaid or closed here → the payment is applied;
 * - credit_pending: paid here, not yet credited → its settlement is queued again;
 * - credit_missing: credited here, no billing posting → credited again (idempotent by order);
 * - refund_pending: refunded at the provider, REFUNDING here → the settle step confirms it;
 * - the rest are reported for a person: amounts that differ, lines without an order, orders
 *   missing from the bill, refunds made elsewhere, a bill that could not be read.
 */
type FindingCategory =
  | 'matched'
  | 'paid_not_recorded'
  | 'credit_pending'
  | 'credit_missing'
  | 'amount_mismatch'
  | 'posting_amount_mismatch'
  | 'missing_from_bill'
  | 'unknown_order'
  | 'refund_matched'
  | 'refund_pending'
  | 'refund_not_recorded'
  | 'refund_amount_mismatch'
  | 'refund_missing_from_bill'
  | 'unknown_refund'
  | 'posting_without_payment'
  | 'bill_unavailable'

type FindingAction =
  'none' | 'payment_applied' | 'settlement_requeued' | 'credit_reposted' | 'refund_confirmed'

/** ok: nothing to do; open: a person must look; repaired: fixed by the run; resolved: gone since. */
type FindingStatus = 'ok' | 'open' | 'repaired' | 'resolved'

/** One finding; (day, provider, out_trade_no, category) is unique, so a rerun updates its row. */
@Entity({ name: 'reconciliation_findings' })
export class ReconciliationFindingRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string

  /** The Shanghai calendar day reconciled, YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  day!: string

  @Column({ type: 'varchar', length: 16 })
  provider!: ProviderName

  /** '*' for a finding about the whole bill. */
  @Column({ type: 'varchar', length: 64, name: 'out_trade_no' })
  outTradeNo!: string

  @Column({ type: 'varchar', length: 32 })
  category!: FindingCategory

  @Column({ type: 'varchar', length: 24, name: 'our_state', nullable: true })
  ourState!: OrderState | null

  /** paid / refunded per the bill, 'absent' when the bill has no line for it. */
  @Column({ type: 'varchar', length: 24, name: 'provider_state', nullable: true })
  providerState!: string | null

  @Column({ type: 'integer', name: 'our_fen', nullable: true })
  ourFen!: number | null

  @Column({ type: 'integer', name: 'provider_fen', nullable: true })
  providerFen!: number | null

  @Column({ type: 'integer', name: 'billing_fen', nullable: true })
  billingFen!: number | null

  @Column({ type: 'varchar', length: 32 })
  action!: FindingAction

  @Column({ type: 'varchar', length: 12 })
  status!: FindingStatus

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: Date
}
