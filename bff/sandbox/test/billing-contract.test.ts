import { AccountSummary, BillList } from '../../contracts/billing'
import { CustomerAccount } from '../../contracts/customers'
import { Meter, ReadingList } from '../../contracts/meters'
import { closeAll } from './helpers'
import { expectConforms, startFixed } from './meters-fixtures'

afterEach(closeAll)

describe('billing and meters answer within their contracts for every kind of generated account', () => {
  it('when 100 generated accounts are read, then every answer conforms, bills add up and arrears households have overdue bills', async () => {
    const { http } = await startFixed(100)
    const seen = { arrears: 0, rural: 0 }
    for (let i = 1; i <= 100; i++) {
      const accountNo = String(2_000_000_000 + i)
      const account = CustomerAccount.parse(
        (await http.get(`/customers/v1/accounts/${accountNo}`).expect(200)).body,
      )
      const summary = (await http.get(`/billing/v1/accounts/${accountNo}/summary`).expect(200)).body
      expectConforms(AccountSummary, summary)
      const bills = (await http.get(`/billing/v1/accounts/${accountNo}/bills`).expect(200)).body
      expectConforms(BillList, bills)
      for (const bill of BillList.parse(bills).bills) {
        expect(bill.lines.reduce((s, l) => s + l.amountFen, 0)).toBe(bill.amountFen)
        expect(bill.paidFen + bill.outstandingFen).toBe(bill.amountFen)
      }
      if (account.status === 'arrears') {
        seen.arrears += 1
        expect(summary.arrearsFen).toBeGreaterThan(0)
      }
      if (account.meterNo) {
        const meter = (await http.get(`/meters/v1/meters/${account.meterNo}`).expect(200)).body
        expectConforms(Meter, meter)
        const readings = (
          await http.get(`/meters/v1/meters/${account.meterNo}/readings`).expect(200)
        ).body
        expectConforms(ReadingList, readings)
        expect(readings.readings.length).toBeGreaterThan(0)
        expect(readings.readings.length).toBeLessThanOrEqual(24)
        if (account.address.building === null) seen.rural += 1
      }
    }
    expect(seen.arrears).toBeGreaterThan(0)
    expect(seen.rural).toBeGreaterThan(0)
  }, 30_000)
})
