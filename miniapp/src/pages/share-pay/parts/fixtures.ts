import type { PayShare, SharedOrder } from '@gh/shared'

/** What the BFF answers for a card and an order paid through it (test data). */

export const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv'

export const aShare = (over: Partial<PayShare> = {}): PayShare => ({
  token: TOKEN,
  path: `/pages/share-pay/index?t=${TOKEN}`,
  accountNoMasked: '100****001',
  what: '燃气充值',
  purpose: 'recharge',
  amountFen: 10000,
  minFen: 1000,
  maxFen: 200000,
  refusal: null,
  expiresAt: '2026-11-29T10:00:00+08:00',
  ...over,
})

export const aSharedOrder = (over: Partial<SharedOrder> = {}): SharedOrder => ({
  orderNo: 'R20261126A1',
  accountNoMasked: '100****001',
  purpose: 'recharge',
  channel: 'h5',
  amountFen: 10000,
  toArrearsFen: 0,
  state: 'CREDITING',
  stateLabel: '已支付，正在发往气表',
  hint: null,
  createdAt: '2026-11-26T10:00:00+08:00',
  expiresAt: '2026-11-26T10:30:00+08:00',
  paidAt: '2026-11-26T10:01:00+08:00',
  timeline: [
    { state: 'CREATED', label: '已下单', at: '2026-11-26T10:00:00+08:00', done: true },
    { state: 'PAID', label: '已支付', at: '2026-11-26T10:01:00+08:00', done: true },
    { state: 'CREDITED', label: '气表已到账', at: null, done: false },
  ],
  clientParams: null,
  ...over,
})
