import { AccountSummary, Bill, Posting } from '../../contracts/billing'
import { closeAll } from './helpers'
import { DAY, expectConforms, startFixed } from './meters-fixtures'

afterEach(closeAll)

type BillBody = ReturnType<typeof Bill.parse>
type Http = Awaited<ReturnType<typeof startFixed>>['http']

const ARREARS = '1000000005'
const paidAt = '2026-11-26T09:58:00+08:00'

async function bill(http: Http, accountNo: string, billId: string): Promise<BillBody> {
  const res = await http.get(`/billing/v1/accounts/${accountNo}/bills/${billId}`).expect(200)
  expectConforms(Bill, res.body)
  return Bill.parse(res.body)
}

const chargesOf = (b: BillBody) =>
  b.lines.filter((l) => l.type !== 'late_fee').reduce((s, l) => s + l.amountFen, 0)
const lateFeeLineOf = (b: BillBody) => b.lines.find((l) => l.type === 'late_fee')

describe('billing port: late fees (滞纳金)', () => {
  it('when a gas bill is 26 days past due, then it carries a late fee line of 0.1% a day, in its amount and in the arrears', async () => {
    const { http } = await startFixed()
    const overdue = await bill(http, ARREARS, 'G1000000005202609') // due 2026-10-31
    const charges = chargesOf(overdue)
    const fee = Math.round((charges * 26) / 1000)
    expect(lateFeeLineOf(overdue)).toEqual({
      type: 'late_fee',
      overdueFen: charges,
      fromDate: '2026-11-01',
      days: 26,
      dailyRateBp: 10,
      amountFen: fee,
      explanation: expect.stringMatching(/^滞纳金：逾期 [\d.]+ 元 × 0\.1%\/天 × 26 天/),
    })
    expect(overdue).toMatchObject({
      amountFen: charges + fee,
      lateFeeFen: fee,
      outstandingFen: charges + fee,
      overdue: true,
    })
    expect(overdue.summary).toContain('滞纳金')

    const older = await bill(http, ARREARS, 'G1000000005202608') // due 2026-09-30: 57 days
    expect(lateFeeLineOf(older)).toMatchObject({ days: 57, fromDate: '2026-10-01' })
    const summary = AccountSummary.parse(
      (await http.get(`/billing/v1/accounts/${ARREARS}/summary`).expect(200)).body,
    )
    expect(summary.lateFeeFen).toBe(overdue.lateFeeFen + older.lateFeeFen)
    expect(summary.arrearsFen).toBe(overdue.outstandingFen + older.outstandingFen)
  })

  it('when a bill is not past due, then it has no late fee; the day after the due date it has one day', async () => {
    const { http, advance } = await startFixed()
    const current = await bill(http, '1000000003', 'G1000000003202610') // due 2026-11-30
    expect(lateFeeLineOf(current)).toBeUndefined()
    expect(current.lateFeeFen).toBe(0)
    await advance(4 * DAY) // 2026-11-30 10:00, still the due date
    expect((await bill(http, '1000000003', 'G1000000003202610')).lateFeeFen).toBe(0)
    await advance(DAY) // 2026-12-01
    const late = await bill(http, '1000000003', 'G1000000003202610')
    expect(lateFeeLineOf(late)).toMatchObject({ days: 1, fromDate: '2026-12-01' })
    expect(late.lateFeeFen).toBe(Math.round(chargesOf(late) / 1000))
  })

  it('when the heating season fee is unpaid after 31 December, then it accrues a late fee too', async () => {
    const { http } = await startFixed()
    await http.post('/sandbox/clock').send({ set: '2027-01-02T10:00:00+08:00' }).expect(200)
    const heating = await bill(http, '1000000004', 'H10000000042026')
    expect(lateFeeLineOf(heating)).toMatchObject({ days: 2, fromDate: '2027-01-01' })
    expect(heating.lateFeeFen).toBe(Math.round((224_717 * 2) / 1000))
    expect(heating.amountFen).toBe(224_717 + heating.lateFeeFen)
  })

  it('when the clock moves on, then the late fee grows with the days overdue', async () => {
    const { http, advance } = await startFixed()
    const before = await bill(http, ARREARS, 'G1000000005202608')
    await advance(30 * DAY)
    const after = await bill(http, ARREARS, 'G1000000005202608')
    expect(lateFeeLineOf(after)?.days).toBe(87)
    expect(after.lateFeeFen).toBe(Math.round((chargesOf(after) * 87) / 1000))
    expect(after.lateFeeFen).toBeGreaterThan(before.lateFeeFen)
  })

  it('when the arrears are paid, then the late fees are settled first and stop growing', async () => {
    const { http, advance } = await startFixed()
    const before = AccountSummary.parse(
      (await http.get(`/billing/v1/accounts/${ARREARS}/summary`)).body,
    )
    const res = await http
      .post('/billing/v1/payments')
      .send({
        paymentId: 'GH20261126000101',
        accountNo: ARREARS,
        amountFen: before.arrearsFen,
        channel: 'wechatpay',
        paidAt,
      })
      .expect(201)
    const posting = Posting.parse(res.body)
    expect(posting.allocations.reduce((s, a) => s + (a.lateFeeFen ?? 0), 0)).toBe(before.lateFeeFen)
    expect(posting.unallocatedFen).toBe(0)
    await advance(20 * DAY)
    const paid = await bill(http, ARREARS, 'G1000000005202609')
    expect(paid).toMatchObject({ status: 'paid', outstandingFen: 0, paidAt })
    expect(lateFeeLineOf(paid)).toMatchObject({ days: 26, overdueFen: 0 })
  })

  it('when only the late fee is paid, then the charges stay owed and keep accruing', async () => {
    const { http, advance } = await startFixed()
    const before = await bill(http, ARREARS, 'G1000000005202608')
    const res = await http
      .post('/billing/v1/payments')
      .send({
        paymentId: 'GH20261126000102',
        accountNo: ARREARS,
        amountFen: before.lateFeeFen,
        channel: 'alipay',
        paidAt,
      })
      .expect(201)
    expect(res.body.allocations).toEqual([
      { billId: before.billId, amountFen: before.lateFeeFen, lateFeeFen: before.lateFeeFen },
    ])
    const after = await bill(http, ARREARS, 'G1000000005202608')
    const charges = chargesOf(after)
    expect(after.outstandingFen).toBe(charges)
    await advance(DAY)
    const nextDay = await bill(http, ARREARS, 'G1000000005202608')
    expect(nextDay.lateFeeFen).toBe(Math.round((charges * 58) / 1000))
    expect(nextDay.outstandingFen).toBe(charges + nextDay.lateFeeFen - before.lateFeeFen)
    expect(nextDay.outstandingFen).toBeGreaterThan(charges)
  })

  it('when named overdue bills are paid, then the amount must include their late fees', async () => {
    const { http } = await startFixed()
    const overdue = await bill(http, ARREARS, 'G1000000005202609')
    const base = {
      paymentId: 'GH20261126000103',
      accountNo: ARREARS,
      channel: 'wechatpay',
      paidAt,
      billIds: [overdue.billId],
    }
    const short = await http
      .post('/billing/v1/payments')
      .send({ ...base, amountFen: chargesOf(overdue) })
      .expect(422)
    expect(short.body.code).toBe('AMOUNT_MISMATCH')
    await http
      .post('/billing/v1/payments')
      .send({ ...base, amountFen: overdue.outstandingFen })
      .expect(201)
    expect((await bill(http, ARREARS, overdue.billId)).status).toBe('paid')
  })
})
