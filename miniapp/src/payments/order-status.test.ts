import type { OrderState, PaymentOrder } from '@gh/shared'
import { isFinal, isPayable, pollDelayMs, shortTime } from './order-status'

function order(state: OrderState, card = false): PaymentOrder {
  const path: OrderState[] = card
    ? ['CREATED', 'PAID', 'AWAITING_CARD_WRITE', 'CARD_WRITTEN']
    : ['CREATED', 'PAID', 'CREDITING', 'CREDITED']
  return {
    orderNo: 'R1',
    accountNo: '1000000001',
    purpose: 'recharge',
    channel: 'h5',
    amountFen: 10000,
    toArrearsFen: 0,
    state,
    stateLabel: state,
    hint: null,
    createdAt: '2026-11-26T09:00:00+08:00',
    expiresAt: '2026-11-26T09:30:00+08:00',
    paidAt: null,
    timeline: path.map((s) => ({ state: s, label: s, at: null, done: false })),
    clientParams:
      state === 'PAYING' ? { kind: 'h5', cashierUrl: 'http://127.0.0.1:4100/cashier/R1' } : null,
  }
}

test.each<[OrderState, boolean, number | null]>([
  ['PAYING', false, 3000],
  ['PAID', false, 3000],
  ['CREDITING', false, 3000],
  ['CREDITED', false, null],
  ['CREDITED', true, 3000],
  ['AWAITING_CARD_WRITE', true, 15000],
  ['CARD_WRITTEN', true, null],
  ['REFUNDING', false, 3000],
  ['REFUNDED', false, null],
  ['CLOSED', false, null],
])('when an order is %s (IC card: %s), then the next refresh is in %p ms', (state, card, ms) => {
  expect(pollDelayMs(order(state, card))).toBe(ms)
  expect(isFinal(order(state, card))).toBe(ms === null)
})

test('when a payment was cancelled, then the order is still payable until it closes', () => {
  expect(isPayable(order('PAYING'))).toBe(true)
  expect(isPayable(order('CLOSED'))).toBe(false)
})

test('when a time is shown, then it is the Beijing wall time of the ISO string', () => {
  expect(shortTime('2026-11-06T08:05:00+08:00')).toBe('11月6日 08:05')
})
