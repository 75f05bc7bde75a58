import { AccountSummary, Bill, Tariff } from '../../contracts/billing'
import { UpstreamError } from '../../contracts/common'
import { ReadingList } from '../../contracts/meters'
import { SandboxClock } from '../clock'
import { closeAll, startSandbox } from './helpers'
import { DAY, FIXED_NOW, expectConforms, startFixed } from './meters-fixtures'

afterEach(closeAll)

type BillBody = ReturnType<typeof Bill.parse>

describe('billing port: summaries and bills', () => {
  it('when the postpaid persona is summarised, then the amount due is the one unpaid bill and nothing is overdue', async () => {
    const { http } = await startFixed()
    const res = await http.get('/billing/v1/accounts/1000000003/summary').expect(200)
    expectConforms(AccountSummary, res.body)
    const bills = (await http.get('/billing/v1/accounts/1000000003/bills').expect(200)).body
      .bills as BillBody[]
    const unpaid = bills.filter((b) => b.status !== 'paid')
    expect(unpaid.map((b) => b.billId)).toEqual(['G1000000003202610'])
    expect(res.body).toMatchObject({
      amountDueFen: unpaid[0]?.amountFen,
      arrearsFen: 0,
      overdueBillCount: 0,
    })
    expect(res.body.lastPayment).toMatchObject({ paymentId: 'HISTG1000000003202609' })
  })

  it('when the arrears persona is summarised, then its overdue bills make up the arrears', async () => {
    const { http } = await startFixed()
    const summary = (await http.get('/billing/v1/accounts/1000000005/summary').expect(200)).body
    const bills = (await http.get('/billing/v1/accounts/1000000005/bills').expect(200)).body
      .bills as BillBody[]
    const overdue = bills.filter((b) => b.overdue)
    expect(overdue.map((b) => b.billId)).toEqual(['G1000000005202609', 'G1000000005202608'])
    expect(summary.overdueBillCount).toBe(2)
    expect(summary.arrearsFen).toBe(overdue.reduce((s, b) => s + b.outstandingFen, 0))
    expect(summary.arrearsFen).toBeGreaterThan(0)
    expect(summary.amountDueFen).toBeGreaterThan(summary.arrearsFen)
  })

  it('when a gas bill crossing a tier is read, then each line is volume × tier price and the lines add up', async () => {
    const { http } = await startFixed()
    const { areaCode } = (await http.get('/customers/v1/accounts/1000000003').expect(200)).body
    const tariff = Tariff.parse(
      (await http.get(`/billing/v1/tariffs/${areaCode}`).expect(200)).body,
    ).gas.tiers
    // The postpaid persona's winter boiler use carries some month of his across tier bounds.
    const list = (await http.get('/billing/v1/accounts/1000000003/bills').expect(200)).body
      .bills as BillBody[]
    const crossing = list.find((b) => b.lines.filter((l) => l.type === 'gas_tier').length > 1)
    if (!crossing) throw new Error('no bill crosses a tier')
    const res = await http
      .get(`/billing/v1/accounts/1000000003/bills/${crossing.billId}`)
      .expect(200)
    expectConforms(Bill, res.body)
    const bill = res.body as BillBody
    const tierLines = bill.lines.flatMap((l) => (l.type === 'gas_tier' ? [l] : []))
    expect(tierLines).toHaveLength(bill.lines.length)
    const firstTier = tierLines[0]?.tier ?? 0
    expect(tierLines.map((l) => [l.tier, l.unitPriceFen])).toEqual(
      tierLines.map((_, i) => [firstTier + i, tariff[firstTier + i - 1]?.priceFenPerM3]),
    )
    for (const line of tierLines) {
      expect(line.amountFen).toBe(Math.round((line.volumeDm3 * line.unitPriceFen) / 1000))
      expect(line.explanation).toMatch(/^第[一二三]阶梯 [\d.]+ m³ × [\d.]+ 元\/m³ = [\d.]+ 元$/)
    }
    expect(bill.lines.reduce((s, l) => s + l.amountFen, 0)).toBe(bill.amountFen)
    // The first line fills its tier exactly up to the tier's yearly bound.
    const bound = tariff[firstTier - 1]?.upToM3 ?? 0
    expect((bill.meter?.yearToDateBeforeDm3 ?? 0) + (tierLines[0]?.volumeDm3 ?? 0)).toBe(
      bound * 1000,
    )
    expect(bill.summary).toContain(`跨越 ${tierLines.length} 个阶梯`)
  })

  it('when bills and meter readings are compared, then every bill volume is the difference of two readings', async () => {
    const { http } = await startFixed()
    const bills = (await http.get('/billing/v1/accounts/1000000003/bills').expect(200)).body
      .bills as BillBody[]
    const readings = ReadingList.parse(
      (await http.get('/meters/v1/meters/JL4799000003/readings').expect(200)).body,
    ).readings
    expect(bills).toHaveLength(24)
    for (const bill of bills) {
      const end = readings.find((r) => r.readingDm3 === bill.meter?.readingToDm3)
      expect(end?.usageDm3).toBe(bill.meter?.volumeDm3)
      expect((end?.readAt.slice(0, 10) ?? '') > bill.period.to).toBe(true)
    }
  })

  it('when the heating persona is summarised, then the season fee is area × price for 2026-11-15 to 2027-03-15', async () => {
    const { http } = await startFixed()
    const summary = (await http.get('/billing/v1/accounts/1000000004/summary').expect(200)).body
    expect(summary.heating).toEqual({
      areaDm2: 9856,
      priceFenPerM2: 2280,
      season: { startsOn: '2026-11-15', endsOn: '2027-03-15' },
      supply: 'supplied',
      seasonFeeFen: 224_717, // 98.56 m² × 22.80 元 = 2247.168 元
      metering: null,
    })
    const bill = (
      await http.get('/billing/v1/accounts/1000000004/bills/H10000000042026').expect(200)
    ).body
    expectConforms(Bill, bill)
    expect(bill).toMatchObject({
      kind: 'heating',
      amountFen: 224_717,
      status: 'unpaid',
      overdue: false,
    })
    expect(bill.lines).toEqual([
      expect.objectContaining({ type: 'heating', days: 121, seasonDays: 121 }),
    ])
  })

  it('when the clock passes the due date, then the unpaid bill turns into arrears and the next bill is issued', async () => {
    const { http, advance } = await startFixed()
    await advance(8 * DAY) // 2026-12-04
    const summary = (await http.get('/billing/v1/accounts/1000000003/summary').expect(200)).body
    const bills = (
      await http.get('/billing/v1/accounts/1000000003/bills?from=2026-10-01').expect(200)
    ).body.bills as BillBody[]
    expect(bills.map((b) => [b.billId, b.overdue])).toEqual([
      ['G1000000003202611', false],
      ['G1000000003202610', true],
    ])
    expect(summary.arrearsFen).toBe(bills[1]?.amountFen)
  })

  it('when bills are asked for a date range, then only bills whose period overlaps it come back', async () => {
    const { http } = await startFixed()
    const res = await http
      .get('/billing/v1/accounts/1000000003/bills?from=2026-03-15&to=2026-05-01')
      .expect(200)
    expect(res.body.bills.map((b: BillBody) => b.billId)).toEqual([
      'G1000000003202605',
      'G1000000003202604',
      'G1000000003202603',
    ])
  })

  it('when the same seed is used twice, then a generated account gets the same bills; another seed changes them', async () => {
    const billsOf = async (seed: number) => {
      const clock = new SandboxClock(() => FIXED_NOW)
      const { http } = await startSandbox({ config: { accounts: 40, seed }, clock })
      const all = []
      for (let i = 1; i <= 40; i++) {
        const res = await http.get(`/billing/v1/accounts/${2_000_000_000 + i}/bills`).expect(200)
        all.push(...(res.body.bills as BillBody[]).map((b) => [b.billId, b.amountFen, b.status]))
      }
      return all
    }
    const a = await billsOf(7)
    expect(a.length).toBeGreaterThan(100)
    expect(await billsOf(7)).toEqual(a)
    expect(await billsOf(8)).not.toEqual(a)
  })
})

describe('billing port: tariffs', () => {
  it('when an urban area is asked for, then it has the three residential tiers, heating and top-up limits', async () => {
    const { http } = await startFixed()
    const res = await http.get('/billing/v1/tariffs/13010201').expect(200)
    expectConforms(Tariff, res.body)
    expect(res.body.gas.tiers).toEqual([
      { tier: 1, upToM3: 350, priceFenPerM3: 310 },
      { tier: 2, upToM3: 500, priceFenPerM3: 372 },
      { tier: 3, upToM3: null, priceFenPerM3: 465 },
    ])
    expect(res.body.heating).toMatchObject({ priceFenPerM2: 2280, stoppedFeePercent: 30 })
    expect(res.body.topUp).toEqual({
      minFenPerOrder: 1000,
      maxFenPerOrder: 200_000,
      maxFenPerDay: 500_000,
    })
  })

  it('when a village area is asked for, then the first tier is the wider coal-to-gas one and there is no heat network', async () => {
    const { http } = await startFixed()
    const res = await http.get('/billing/v1/tariffs/13010904').expect(200)
    expect(res.body.gas.tiers[0]).toEqual({ tier: 1, upToM3: 1200, priceFenPerM3: 310 })
    expect(res.body.heating).toBeNull()
  })

  it('when the area does not exist, then 404 AREA_NOT_FOUND', async () => {
    const { http } = await startFixed()
    const res = await http.get('/billing/v1/tariffs/13010204').expect(404)
    expectConforms(UpstreamError, res.body)
    expect(res.body.code).toBe('AREA_NOT_FOUND')
  })
})
