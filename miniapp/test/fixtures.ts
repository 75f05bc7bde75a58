import type { Bill, BoundAccount, HomeDue, HomePage, PaymentOrder } from '@gh/shared'

/** What the BFF answers for a resident's account, bill and order (test data, masked as served). */

export const aBoundAccount = (
  accountNo: string,
  label: string | null,
  isDefault = false,
): BoundAccount => ({
  accountNo,
  label,
  isDefault,
  role: 'owner',
  boundAt: '2026-11-26T09:00:00+08:00',
  summary: {
    accountNo,
    kind: 'iot_prepaid',
    status: 'active',
    holderNameMasked: '王**',
    addressMasked: '示范市东城区和平路18号幸福里小区**栋**单元***',
    areaCode: '11010101',
  },
})

/** An unpaid, overdue gas bill of 2026-09 with a late fee. */
export const aBill = (over: Partial<Bill> = {}): Bill => ({
  billId: 'G1000000005202609',
  kind: 'gas',
  title: '2026年9月燃气费',
  period: { from: '2026-09-01', to: '2026-09-30' },
  issuedAt: '2026-10-03T09:00:00+08:00',
  dueAt: '2026-10-31T23:59:59+08:00',
  amountFen: 3351,
  lateFeeFen: 85,
  paidFen: 0,
  outstandingFen: 3351,
  status: 'unpaid',
  statusLabel: '未缴',
  overdue: true,
  paidAt: null,
  usage: null,
  lines: [],
  note: '',
  ...over,
})

/** A paid top-up of 100 元 on its way to the meter. */
export const anOrder = (over: Partial<PaymentOrder> = {}): PaymentOrder => ({
  orderNo: 'R20261126150700A1',
  accountNo: '1000000001',
  purpose: 'recharge',
  channel: 'h5',
  amountFen: 10000,
  toArrearsFen: 0,
  state: 'CREDITING',
  stateLabel: '已发往气表',
  hint: '气表联网后到账',
  createdAt: '2026-11-26T15:07:00+08:00',
  expiresAt: '2026-11-26T15:37:00+08:00',
  paidAt: '2026-11-26T15:08:00+08:00',
  timeline: [
    { state: 'CREATED', label: '已下单', at: '2026-11-26T15:07:00+08:00', done: true },
    { state: 'PAID', label: '已支付', at: '2026-11-26T15:08:00+08:00', done: true },
    { state: 'CREDITING', label: '已发往气表', at: '2026-11-26T15:08:30+08:00', done: true },
    { state: 'CREDITED', label: '气表已到账', at: null, done: false },
  ],
  clientParams: null,
  ...over,
})

/**
 * 首页 of the IoT prepaid account 1000000001 with every section answered: 86.50 元 lasting
 * 12 days, nothing owed, no bill, repair, notice or heating; `sections` replaces any of them.
 */
export const aHomePage = (sections: Partial<HomePage['sections']> = {}): HomePage => ({
  accountNo: '1000000001',
  generatedAt: '2026-11-26T10:00:00+08:00',
  sections: {
    account: {
      status: 'ok',
      account: {
        accountNo: '1000000001',
        kind: 'iot_prepaid',
        status: 'active',
        holderNameMasked: '王**',
        addressMasked: '示范市东城区和平路18号幸福里小区**栋**单元***',
        areaCode: '11010101',
      },
    },
    balance: {
      status: 'ok',
      balance: { meterKind: 'iot', balanceFen: 8650, daysOfGas: 12, online: true },
    },
    due: { status: 'ok', due: null },
    latestBill: { status: 'ok', bill: null },
    lastTopUp: { status: 'ok', order: null },
    openRepair: { status: 'ok', repair: null },
    supplyStops: { status: 'ok', notices: [] },
    heating: { status: 'ok', heating: null },
    ...sections,
  },
})

/** What is owed by the arrears household 1000000005: two bills, overdue since 31 October. */
export const aHomeDue = (over: Partial<HomeDue> = {}): HomeDue => ({
  amountDueFen: 10836,
  arrearsFen: 6570,
  lateFeeFen: 259,
  overdue: true,
  unpaidBillCount: 3,
  oldestDueAt: '2026-10-31T23:59:59+08:00',
  payAction: { label: '立即缴费', amountFen: 10836 },
  ...over,
})
