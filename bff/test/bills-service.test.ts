import { AppError } from '../src/platform/app-error'
import { UpstreamError } from '../src/platform/upstream-client'
import { BillService } from '../src/bills/bill-service'
import type { BillingBill, BillingReads } from '../src/upstream/billing/billing-port'

/** What the bills use case makes of billing's odd answers, with billing faked per test. */
const gasBill: BillingBill = {
  billId: 'G1000000005202609',
  accountNo: '1000000005',
  kind: 'gas',
  period: { from: '2026-09-01', to: '2026-09-30' },
  issuedAt: '2026-10-03T01:00:00Z',
  dueAt: '2026-10-31T15:59:59Z',
  amountFen: 3351,
  lateFeeFen: 85,
  paidFen: 0,
  outstandingFen: 3351,
  status: 'unpaid',
  overdue: true,
  paidAt: null,
  meter: null,
  lines: [
    {
      type: 'late_fee',
      overdueFen: 3266,
      fromDate: '2026-11-01',
      days: 40,
      dailyRateBp: 10,
      amountFen: 85,
      explanation: '滞纳金：已封顶',
    },
  ],
  summary: '2026年9月用气 10.534 m³。滞纳金：已封顶。',
}

function billing(bill: () => Promise<BillingBill | null>): BillingReads {
  return { summary: async () => null, bills: async () => null, bill }
}

async function failure(read: Promise<unknown>): Promise<AppError> {
  const err: unknown = await read.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`)
  return err
}

test('when billing answers a bill of another account, then the resident gets 404 BILL_NOT_FOUND', async () => {
  const service = new BillService(billing(async () => ({ ...gasBill, accountNo: '1000000004' })))
  const err = await failure(service.get('1000000005', gasBill.billId))
  expect([err.code, err.status]).toEqual(['BILL_NOT_FOUND', 404])
})

test('when billing times out, then 503 BILLS_UNAVAILABLE; when its answer is off contract, then 502 UPSTREAM_ERROR', async () => {
  const slow = new BillService(
    billing(async () => {
      throw new UpstreamError('billing', 'timeout', 'no answer')
    }),
  )
  const timedOut = await failure(slow.get('1000000005', gasBill.billId))
  expect([timedOut.code, timedOut.status]).toEqual(['BILLS_UNAVAILABLE', 503])
  expect(timedOut.userMessage).toMatch(/稍后再试/)
  const odd = new BillService(
    billing(async () => {
      throw new UpstreamError('billing', 'bad_response', 'off contract')
    }),
  )
  const offContract = await failure(odd.get('1000000005', gasBill.billId))
  expect([offContract.code, offContract.status]).toEqual(['UPSTREAM_ERROR', 502])
})

test('when billing writes times in UTC, then the resident reads them at +08:00, and a capped late fee says so', async () => {
  const service = new BillService(billing(async () => gasBill))
  const bill = await service.get('1000000005', gasBill.billId)
  expect(bill.issuedAt).toBe('2026-10-03T09:00:00+08:00')
  expect(bill.dueAt).toBe('2026-10-31T23:59:59+08:00')
  expect(bill.lines[0]?.explanation).toBe(
    '逾期未缴 32.66 元 × 0.1%/天 × 40 天（2026-11-01 起）= 0.85 元（已封顶）',
  )
  expect(bill.note).toBe('2026年9月用气 10.534 m³。')
})

test('when a bill was paid after its due date, then its late fee is explained by the rule, not by an overdue amount of 0', async () => {
  const paidLate: BillingBill = {
    ...gasBill,
    paidFen: 3351,
    outstandingFen: 0,
    status: 'paid',
    overdue: false,
    lines: [
      {
        type: 'late_fee',
        overdueFen: 0,
        fromDate: '2026-11-01',
        days: 26,
        dailyRateBp: 10,
        amountFen: 85,
        explanation: '滞纳金',
      },
    ],
  }
  const bill = await new BillService(billing(async () => paidLate)).get('1000000005', 'x')
  expect(bill.lines[0]?.explanation).toBe(
    '按逾期未缴金额每天 0.1% 计，逾期 26 天（2026-11-01 起）= 0.85 元',
  )
})
