import type { OrderState } from '@gh/shared'

/**
 * The payment state machine (DESIGN.md). The graph has no cycles, so each state is entered at
 * most once per order, which the database enforces too (uq_transition_order_state).
 *
 * CLOSED → PAID: a payment can still arrive for an order we closed (the payer was faster than
 * our close call, or a provider fault); the money is real, so it is credited like any other.
 * PAID → CREDIT_FAILED: the provider reports a different amount than ordered; it is refunded.
 */
const edges: Record<OrderState, readonly OrderState[]> = {
  CREATED: ['PAYING', 'PAID', 'CLOSED'],
  PAYING: ['PAID', 'CLOSED'],
  PAID: ['CREDITING', 'CREDIT_FAILED'],
  CREDITING: ['CREDITED', 'CREDIT_FAILED'],
  CREDITED: ['AWAITING_CARD_WRITE'],
  AWAITING_CARD_WRITE: ['CARD_WRITTEN'],
  CARD_WRITTEN: [],
  CLOSED: ['PAID'],
  CREDIT_FAILED: ['REFUNDING'],
  REFUNDING: ['REFUNDED'],
  REFUNDED: [],
}

export function canMove(from: OrderState, to: OrderState): boolean {
  return edges[from].includes(to)
}

export class IllegalTransition extends Error {
  constructor(from: OrderState, to: OrderState) {
    super(`illegal order transition ${from} → ${to}`)
    this.name = 'IllegalTransition'
  }
}

export function assertMove(from: OrderState, to: OrderState): void {
  if (!canMove(from, to)) throw new IllegalTransition(from, to)
}

/** The states waiting for the payer or the provider: the poll job watches them. */
export const AWAITING_PAYMENT: readonly OrderState[] = ['CREATED', 'PAYING']

/** The states the settle job drives forward (IC orders also wait in CREDITED briefly). */
export const SETTLING: readonly OrderState[] = [
  'PAID',
  'CREDITING',
  'CREDITED',
  'AWAITING_CARD_WRITE',
  'CREDIT_FAILED',
  'REFUNDING',
]
