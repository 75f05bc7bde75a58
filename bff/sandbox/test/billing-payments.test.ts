import { AccountSummary, PostingsOfDay, Posting, RefundPosting } from '../../contracts/billing'
import { UpstreamError } from '../../contracts/common'
import { Ledger } from '../ports/billing/dev-schemas'
import { closeAll } from './helpers'
import { expectConforms, startFixed } from './meters-fixtures'

afterEach(closeAll)

const paidAt = '2026-11-26T09:58:00+08:00'
const payment = (over: Record<string, unknown> = {}) => ({
  paymentId: 'GH20261126000001',
  accountNo: '1000000005',
  amountFen: 100,
  channel: 'wechatpay',
  paidAt,
  ...over,
})

/** The ledger's postings of the API's payment (the ledger also holds the seeded history). */
async function postingsOf(http: Awaited<ReturnType<typeof startFixed>>['http'], id: string) {
  const ledger = Ledger.parse((await http.get('/sandbox/ledger?accountNo=1000000005')).body)
  return ledger.postings.filter((p) => p.paymentId === id)
}

async function billsOf(http: Awaited<ReturnType<typeof startFixed>>['http'], accountNo: string) {
  const res = await http.get(`/billing/v1/accounts/${accountNo}/bills?from=2026-07-01`).expect(200)
  return res.body.bills as {
    billId: string
    amountFen: number
    outstandingFen: number
    status: string
  }[]
}

describe('billing port: payment postings', () => {
  it('when the arrears household pays its arrears, then the overdue bills are settled oldest first and the current bill stays open', async () => {
    const { http } = await startFixed()
    const before = (await http.get('/billing/v1/accounts/1000000005/summary').expect(200)).body
    const res = await http
      .post('/billing/v1/payments')
      .set('Idempotency-Key', 'GH20261126000001')
      .send(payment({ amountFen: before.arrearsFen }))
      .expect(201)
    expectConforms(Posting, res.body)
    expect(res.body.allocations.map((a: { billId: string }) => a.billId)).toEqual([
      'G1000000005202608',
      'G1000000005202609',
    ])
    expect(res.body).toMatchObject({ kind: 'bill_payment', unallocatedFen: 0 })
    const after = AccountSummary.parse(
      (await http.get('/billing/v1/accounts/1000000005/summary')).body,
    )
    expect(after).toMatchObject({ arrearsFen: 0, overdueBillCount: 0, unpaidBillCount: 1 })
    expect(after.amountDueFen).toBe(before.amountDueFen - before.arrearsFen)
    expect(after.lastPayment).toEqual({
      paymentId: 'GH20261126000001',
      amountFen: before.arrearsFen,
      channel: 'wechatpay',
      paidAt,
    })
  })

  it('when the same payment is posted twice, then it is posted once and the replay answers the original posting', async () => {
    const { http } = await startFixed()
    const first = await http.post('/billing/v1/payments').send(payment()).expect(201)
    const again = await http.post('/billing/v1/payments').send(payment()).expect(200)
    expect(again.body).toEqual(first.body)
    expect(await postingsOf(http, 'GH20261126000001')).toHaveLength(1)
    const bills = await billsOf(http, '1000000005')
    expect(bills.find((b) => b.billId === 'G1000000005202608')?.outstandingFen).toBe(
      (bills.find((b) => b.billId === 'G1000000005202608')?.amountFen ?? 0) - 100,
    )
  })

  it('when the same paymentId comes with another amount, then 409 IDEMPOTENCY_MISMATCH and nothing more is posted', async () => {
    const { http } = await startFixed()
    await http.post('/billing/v1/payments').send(payment()).expect(201)
    const res = await http
      .post('/billing/v1/payments')
      .send(payment({ amountFen: 101 }))
      .expect(409)
    expectConforms(UpstreamError, res.body)
    expect(res.body.code).toBe('IDEMPOTENCY_MISMATCH')
    expect(await postingsOf(http, 'GH20261126000001')).toHaveLength(1)
  })

  it('when the Idempotency-Key header names another key than the body, then 400 and nothing is posted', async () => {
    const { http } = await startFixed()
    const res = await http
      .post('/billing/v1/payments')
      .set('Idempotency-Key', 'OTHER-KEY-1')
      .send(payment())
      .expect(400)
    expect(res.body.code).toBe('INVALID_ARGUMENT')
    expect(await postingsOf(http, 'GH20261126000001')).toHaveLength(0)
  })

  it('when a suspended account pays, then 422 ACCOUNT_SUSPENDED', async () => {
    const { http } = await startFixed()
    const res = await http
      .post('/billing/v1/payments')
      .send(payment({ accountNo: '1000000006', amountFen: 5000 }))
      .expect(422)
    expect(res.body.code).toBe('ACCOUNT_SUSPENDED')
  })

  it('when named bills are paid with the wrong amount or a paid bill is named, then 422 and no bill changes', async () => {
    const { http } = await startFixed()
    const bills = await billsOf(http, '1000000005')
    const open = bills.filter((b) => b.status !== 'paid').map((b) => b.billId)
    const wrong = await http
      .post('/billing/v1/payments')
      .send(payment({ billIds: open, amountFen: 1 }))
      .expect(422)
    expect(wrong.body.code).toBe('AMOUNT_MISMATCH')
    const paidBill = bills.find((b) => b.status === 'paid')?.billId
    const paid = await http
      .post('/billing/v1/payments')
      .send(payment({ billIds: [paidBill], amountFen: 1 }))
      .expect(422)
    expect(paid.body.code).toBe('BILL_ALREADY_PAID')
    expect(await billsOf(http, '1000000005')).toEqual(bills)
  })

  it('when more than the amount due is paid, then every bill is settled and the rest is kept as prepayment', async () => {
    const { http } = await startFixed()
    const before = (await http.get('/billing/v1/accounts/1000000003/summary')).body
    const res = await http
      .post('/billing/v1/payments')
      .send(payment({ accountNo: '1000000003', amountFen: before.amountDueFen + 5000 }))
      .expect(201)
    expect(res.body.unallocatedFen).toBe(5000)
    const after = (await http.get('/billing/v1/accounts/1000000003/summary')).body
    expect(after).toMatchObject({ amountDueFen: 0, balanceFen: 5000 })
  })

  it('when a prepaid account pays, then a top_up receipt is posted within the tariff limits', async () => {
    const { http } = await startFixed()
    const ok = await http
      .post('/billing/v1/payments')
      .send(payment({ accountNo: '1000000001', amountFen: 5000 }))
      .expect(201)
    expect(ok.body).toMatchObject({ kind: 'top_up', allocations: [], unallocatedFen: 5000 })
    const small = await http
      .post('/billing/v1/payments')
      .send(payment({ paymentId: 'GH20261126000002', accountNo: '1000000001', amountFen: 999 }))
      .expect(422)
    expect(small.body.code).toBe('TOP_UP_AMOUNT_OUT_OF_RANGE')
    for (const n of [3, 4]) {
      await http
        .post('/billing/v1/payments')
        .send(
          payment({
            paymentId: `GH2026112600000${n}`,
            accountNo: '1000000001',
            amountFen: 200_000,
          }),
        )
        .expect(201)
    }
    const overDay = await http
      .post('/billing/v1/payments')
      .send(payment({ paymentId: 'GH20261126000005', accountNo: '1000000001', amountFen: 100_000 }))
      .expect(422)
    expect(overDay.body.code).toBe('TOP_UP_DAILY_LIMIT')
  })
})

describe('billing port: refund postings and reconciliation', () => {
  it('when a bill payment is refunded, then the bill reopens, and a replay of the refund changes nothing', async () => {
    const { http } = await startFixed()
    const before = await billsOf(http, '1000000005')
    await http
      .post('/billing/v1/payments')
      .send(payment({ amountFen: 1500 }))
      .expect(201)
    const refund = {
      refundId: 'RF20261126000001',
      paymentId: 'GH20261126000001',
      amountFen: 1500,
      reason: '重复缴费',
      refundedAt: '2026-11-26T09:59:00+08:00',
    }
    const res = await http.post('/billing/v1/refund-postings').send(refund).expect(201)
    expectConforms(RefundPosting, res.body)
    expect(
      res.body.reversals.reduce((s: number, r: { amountFen: number }) => s + r.amountFen, 0),
    ).toBe(1500)
    expect(await billsOf(http, '1000000005')).toEqual(before)
    const replay = await http.post('/billing/v1/refund-postings').send(refund).expect(200)
    expect(replay.body).toEqual(res.body)
    expect(await billsOf(http, '1000000005')).toEqual(before)
    const ledger = (await http.get('/sandbox/ledger?accountNo=1000000005')).body
    expect(ledger.refunds).toHaveLength(1)
  })

  it('when more is refunded than was paid, or an unknown payment is named, then 422 and 404', async () => {
    const { http } = await startFixed()
    await http
      .post('/billing/v1/payments')
      .send(payment({ amountFen: 1500 }))
      .expect(201)
    const base = {
      refundId: 'RF20261126000001',
      paymentId: 'GH20261126000001',
      amountFen: 1501,
      reason: '退款',
      refundedAt: paidAt,
    }
    const over = await http.post('/billing/v1/refund-postings').send(base).expect(422)
    expect(over.body.code).toBe('REFUND_EXCEEDS_PAYMENT')
    const unknown = await http
      .post('/billing/v1/refund-postings')
      .send({ ...base, paymentId: 'NOPE000001' })
      .expect(404)
    expect(unknown.body.code).toBe('PAYMENT_NOT_FOUND')
  })

  it('when the postings of a day are listed, then payments paid that day are there and other days are not', async () => {
    const { http } = await startFixed()
    await http.post('/billing/v1/payments').send(payment()).expect(201)
    await http
      .post('/billing/v1/payments')
      .send(payment({ paymentId: 'GH20261125000009', paidAt: '2026-11-25T23:59:00+08:00' }))
      .expect(201)
    const res = await http.get('/billing/v1/postings?date=2026-11-26').expect(200)
    expectConforms(PostingsOfDay, res.body)
    expect(res.body.postings.map((p: { paymentId: string }) => p.paymentId)).toEqual([
      'GH20261126000001',
    ])
    const bad = await http.get('/billing/v1/postings?date=26-11-2026').expect(400)
    expect(bad.body.code).toBe('INVALID_ARGUMENT')
  })
})
