import type { Bill } from '../../contracts/billing'
import { AccountPostings, BillList, PostingsOfDay } from '../../contracts/billing'
import { SandboxClock } from '../clock'
import { Ledger } from '../ports/billing/dev-schemas'
import { closeAll, startSandbox } from './helpers'
import { FIXED_NOW, expectConforms, startFixed } from './meters-fixtures'

afterEach(closeAll)

type Http = Awaited<ReturnType<typeof startFixed>>['http']
type BillBody = ReturnType<typeof Bill.parse>

async function billsOf(http: Http, accountNo: string): Promise<BillBody[]> {
  return BillList.parse(
    (await http.get(`/billing/v1/accounts/${accountNo}/bills`).expect(200)).body,
  ).bills
}

async function historyOf(http: Http, accountNo: string, query = '') {
  const res = await http.get(`/billing/v1/accounts/${accountNo}/postings${query}`).expect(200)
  expectConforms(AccountPostings, res.body)
  return AccountPostings.parse(res.body)
}

describe('billing port: postings of the seeded history', () => {
  it('when a postpaid account’s payment history is read, then every paid bill has exactly one posting of its amount at its paid time', async () => {
    const { http } = await startFixed()
    const bills = await billsOf(http, '1000000003')
    const { postings, refunds } = await historyOf(http, '1000000003')
    const paid = bills.filter((b) => b.status === 'paid')
    expect(paid.length).toBeGreaterThan(20)
    expect(refunds).toEqual([])
    for (const bill of paid) {
      const mine = postings.filter((p) => p.allocations.some((a) => a.billId === bill.billId))
      expect(mine).toHaveLength(1)
      expect(mine[0]).toMatchObject({
        paymentId: `HIST${bill.billId}`,
        kind: 'bill_payment',
        amountFen: bill.amountFen,
        paidAt: bill.paidAt,
        unallocatedFen: 0,
      })
      expect(Date.parse(mine[0]?.postedAt ?? '')).toBeGreaterThanOrEqual(
        Date.parse(bill.paidAt ?? ''),
      )
      expect(Date.parse(bill.paidAt ?? '')).toBeLessThanOrEqual(Date.parse(bill.dueAt))
    }
    expect(postings).toHaveLength(paid.length)
    const times = postings.map((p) => Date.parse(p.paidAt))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    const summary = (await http.get('/billing/v1/accounts/1000000003/summary')).body
    expect(summary.lastPayment).toMatchObject({ paymentId: postings[0]?.paymentId })
  })

  it('when the arrears household’s history is read, then its unpaid bills have no posting', async () => {
    const { http } = await startFixed()
    const bills = await billsOf(http, '1000000005')
    const unpaid = bills.filter((b) => b.status !== 'paid').map((b) => b.billId)
    expect(unpaid).toHaveLength(3)
    const { postings } = await historyOf(http, '1000000005')
    const settled = postings.flatMap((p) => p.allocations.map((a) => a.billId))
    expect(settled.filter((id) => unpaid.includes(id))).toEqual([])
    expect(settled).toHaveLength(bills.length - unpaid.length)
    const ledger = Ledger.parse((await http.get('/sandbox/ledger?accountNo=1000000005')).body)
    expect(ledger.postings.map((p) => p.paymentId).sort()).toEqual(
      postings.map((p) => p.paymentId).sort(),
    )
  })

  it('when the history is asked for a date range, then only payments made in it come back', async () => {
    const { http } = await startFixed()
    const { postings } = await historyOf(http, '1000000003', '?from=2026-03-01&to=2026-05-31')
    expect(postings.length).toBeGreaterThanOrEqual(2)
    for (const p of postings) {
      expect(p.paidAt.slice(0, 10) >= '2026-03-01' && p.paidAt.slice(0, 10) <= '2026-05-31').toBe(
        true,
      )
    }
  })

  it('when a new payment is posted, then it leads the history; seeded payments stay out of the reconciliation day lists', async () => {
    const { http } = await startFixed()
    const { postings: seeded } = await historyOf(http, '1000000003')
    const seededDay = seeded[0]?.paidAt.slice(0, 10) ?? ''
    const amountFen = (await http.get('/billing/v1/accounts/1000000003/summary')).body.amountDueFen
    await http
      .post('/billing/v1/payments')
      .send({
        paymentId: 'GH20261126000201',
        accountNo: '1000000003',
        amountFen,
        channel: 'wechatpay',
        paidAt: '2026-11-26T09:30:00+08:00',
      })
      .expect(201)
    const { postings } = await historyOf(http, '1000000003')
    expect(postings[0]?.paymentId).toBe('GH20261126000201')
    expect(postings).toHaveLength(seeded.length + 1)
    const day = await http.get(`/billing/v1/postings?date=${seededDay}`).expect(200)
    expectConforms(PostingsOfDay, day.body)
    expect(day.body.postings).toEqual([])
  })

  it('when the same seed is used twice, then a generated account has the same history; another seed changes it', async () => {
    const historyWith = async (seed: number) => {
      const clock = new SandboxClock(() => FIXED_NOW)
      const { http } = await startSandbox({ config: { accounts: 30, seed }, clock })
      const all = []
      for (let i = 1; i <= 30; i++) {
        all.push(...(await historyOf(http, String(2_000_000_000 + i))).postings)
      }
      return all
    }
    const a = await historyWith(7)
    expect(a.length).toBeGreaterThan(50)
    expect(await historyWith(7)).toEqual(a)
    expect(await historyWith(8)).not.toEqual(a)
  }, 20_000)
})
