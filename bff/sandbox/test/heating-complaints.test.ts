import { heatingCompensationFen } from '@gh/shared'
import { AccountSummary, Bill } from '../../contracts/billing'
import { HeatingComplaint, HeatingComplaints } from '../../contracts/billing-heating-complaints'
import { billProblems } from './bill-checks'
import { closeAll } from './helpers'
import { DAY, HOUR, expectConforms, startFixed } from './meters-fixtures'

afterEach(closeAll)

type Http = Awaited<ReturnType<typeof startFixed>>['http']

const HEATING = '1000000004' // 刘洋: 98.56 m², heated; the sandbox starts 2026-11-26 10:00
const complaints = `/billing/v1/accounts/${HEATING}/heating-complaints`
const SEASON_DAYS = 121 // 2026-11-15 to 2027-03-15

async function viewOf(http: Http): Promise<HeatingComplaints> {
  const res = await http.get(complaints).expect(200)
  expectConforms(HeatingComplaints, res.body)
  return HeatingComplaints.parse(res.body)
}

/** Reports a room at `reportedTenths`, in the soonest slot unless one is given. */
async function report(
  http: Http,
  status: number,
  complaintId: string,
  reportedTenths: number,
  slotId?: string,
) {
  const slot = slotId ?? (await viewOf(http)).slots[0]?.slotId
  return http.post(complaints).send({ complaintId, reportedTenths, slotId: slot }).expect(status)
}

async function complaintOf(http: Http, complaintId: string): Promise<HeatingComplaint> {
  const res = await http.get(`${complaints}/${complaintId}`).expect(200)
  expectConforms(HeatingComplaint, res.body)
  return HeatingComplaint.parse(res.body)
}

describe('billing port: 室温不达标 complaints', () => {
  it('when a heated household looks in the season, then it sees the published rule with its numbers and the visits it can book', async () => {
    const { http } = await startFixed()
    const view = await viewOf(http)
    expect(view).toMatchObject({
      asOf: '2026-11-26T10:00:00+08:00',
      season: { year: 2026, startsOn: '2026-11-15', endsOn: '2027-03-15' },
      canReport: true,
      refusal: null,
      rule: {
        standardTenths: 180,
        bands: [
          { belowTenths: 180, dailyFeePercent: 50 },
          { belowTenths: 160, dailyFeePercent: 100 },
        ],
        fixWithinDays: 3,
        areaDm2: 9856,
        priceFenPerM2: 2280,
        seasonDays: SEASON_DAYS,
        dailyFeeFen: 1857, // 224716.8 / 121 = 1857.16
      },
      complaints: [],
    })
    // Booked two hours ahead at least: this morning's window has passed.
    expect(view.slots[0]).toEqual({
      slotId: '20261126-pm',
      startsAt: '2026-11-26T14:00:00+08:00',
      endsAt: '2026-11-26T17:00:00+08:00',
    })
  })

  it('when a room is reported at 16.5 °C, then the visit measures it below standard, it is fixed three days later and half the daily fee comes back per day', async () => {
    const { http, advance } = await startFixed()
    const res = await report(http, 201, 'HC-2026-A', 165)
    expectConforms(HeatingComplaint, res.body)
    expect(res.body).toMatchObject({
      status: 'scheduled',
      reportedAt: '2026-11-26T10:00:00+08:00',
      visit: { slotId: '20261126-pm' },
      measurement: null,
      compensation: null,
    })
    await advance(5 * HOUR - 1000) // 14:59:59, a second before the reading
    expect((await complaintOf(http, 'HC-2026-A')).status).toBe('scheduled')
    await advance(1000)
    expect(await complaintOf(http, 'HC-2026-A')).toMatchObject({
      status: 'fixing',
      measurement: {
        measuredAt: '2026-11-26T15:00:00+08:00',
        measuredTenths: 165,
        belowStandard: true,
        dailyFeePercent: 50,
      },
    })
    await advance(3 * DAY)
    const amountFen = heatingCompensationFen(9856, 2280, {
      days: 3,
      seasonDays: SEASON_DAYS,
      percent: 50,
    })
    expect(await complaintOf(http, 'HC-2026-A')).toMatchObject({
      status: 'resolved',
      fixedAt: '2026-11-29T15:00:00+08:00',
      compensation: {
        fromDate: '2026-11-26',
        toDate: '2026-11-28',
        days: 3,
        dailyFeePercent: 50,
        amountFen,
        billId: `H${HEATING}2027`,
        creditOn: '2027-10-01',
        credited: false,
      },
    })
  })

  it('when rooms are measured at the band edges, then 18.0 °C is at standard, 17.9 and 16.0 °C earn half, 15.9 °C the whole daily fee', async () => {
    const { http, advance } = await startFixed()
    const outcomes: [number, string, number][] = []
    for (const [i, tenths] of [180, 179, 160, 159].entries()) {
      const id = `HC-EDGE-${i}`
      await report(http, 201, id, tenths)
      await advance(DAY)
      const c = await complaintOf(http, id)
      outcomes.push([tenths, c.status, c.measurement?.dailyFeePercent ?? -1])
      await advance(3 * DAY) // the fix closes it, so the next one may be reported
    }
    expect(outcomes).toEqual([
      [180, 'up_to_standard', 0],
      [179, 'fixing', 50],
      [160, 'fixing', 50],
      [159, 'fixing', 100],
    ])
  })

  it('when a complaint is still open, then another is refused; a stopped household or a day out of season cannot report', async () => {
    const { http } = await startFixed()
    await report(http, 201, 'HC-2026-A', 150)
    expect((await viewOf(http)).refusal).toBe('HEATING_COMPLAINT_OPEN')
    const second = await report(http, 409, 'HC-2026-B', 150, '20261127-am')
    expect(second.body.code).toBe('HEATING_COMPLAINT_OPEN')

    await http.post('/sandbox/clock').send({ set: '2027-04-01T10:00:00+08:00' }).expect(200)
    expect(await viewOf(http)).toMatchObject({
      canReport: false,
      refusal: 'HEATING_OUT_OF_SEASON',
      slots: [],
    })

    // Find a generated household with 停暖 this season.
    const fresh = await startFixed()
    const listing = (await fresh.http.get('/sandbox/accounts?pageSize=50').expect(200)).body
    let stopped: string | undefined
    for (const a of listing.generated.items as { accountNo: string; kind: string }[]) {
      if (a.kind !== 'heating') continue
      const summary = AccountSummary.parse(
        (await fresh.http.get(`/billing/v1/accounts/${a.accountNo}/summary`)).body,
      )
      if (summary.heating?.supply === 'stopped') stopped = a.accountNo
    }
    if (!stopped) throw new Error('no generated household with 停暖')
    const view = HeatingComplaints.parse(
      (await fresh.http.get(`/billing/v1/accounts/${stopped}/heating-complaints`)).body,
    )
    expect(view.refusal).toBe('HEATING_NOT_SUPPLIED')
  })

  it('when the same report is sent again, then it is recorded once; another body under its id, or a slot not offered, is refused', async () => {
    const { http } = await startFixed()
    const body = { complaintId: 'HC-2026-A', reportedTenths: 165, slotId: '20261126-pm' }
    const first = await http
      .post(complaints)
      .set('Idempotency-Key', 'HC-2026-A')
      .send(body)
      .expect(201)
    const replay = await http.post(complaints).send(body).expect(200)
    expect(replay.body).toEqual(first.body)
    const mismatch = await http
      .post(complaints)
      .send({ ...body, reportedTenths: 150 })
      .expect(409)
    expect(mismatch.body.code).toBe('IDEMPOTENCY_MISMATCH')
    expect((await viewOf(http)).complaints).toHaveLength(1)

    const other = await startFixed()
    const gone = await other.http
      .post(complaints)
      .send({ ...body, slotId: '20261126-am' }) // this morning, already past
      .expect(422)
    expect(gone.body.code).toBe('SLOT_UNAVAILABLE')
  })

  it('when the next season’s bill is issued, then the compensation is a credit line on it and the lines still add up', async () => {
    const { http, advance } = await startFixed()
    await report(http, 201, 'HC-2026-A', 150)
    await advance(4 * DAY)
    const { compensation } = await complaintOf(http, 'HC-2026-A')
    expect(compensation?.amountFen).toBe(
      heatingCompensationFen(9856, 2280, { days: 3, seasonDays: SEASON_DAYS, percent: 100 }),
    )
    await http.post('/sandbox/clock').send({ set: '2027-10-02T10:00:00+08:00' }).expect(200)
    expect((await complaintOf(http, 'HC-2026-A')).compensation?.credited).toBe(true)

    const res = await http.get(`/billing/v1/accounts/${HEATING}/bills/H${HEATING}2027`).expect(200)
    expectConforms(Bill, res.body)
    const bill = Bill.parse(res.body)
    const credit = bill.lines.find((l) => l.type === 'heating_compensation')
    expect(credit).toMatchObject({
      complaintId: 'HC-2026-A',
      fromDate: '2026-11-26',
      toDate: '2026-11-28',
      days: 3,
      percent: 100,
      compensationFen: compensation?.amountFen,
      amountFen: -(compensation?.amountFen ?? 0),
    })
    expect(credit?.explanation).toMatch(/^室温不达标补偿（2026-11-26 至 2026-11-28）：98\.56 m²/)
    expect(bill.amountFen).toBe(224_717 - (compensation?.amountFen ?? 0))
    expect(bill.summary).toContain('已扣减上一采暖季室温不达标补偿')
    const tariff = (await http.get('/billing/v1/tariffs/13010502').expect(200)).body
    expect(
      billProblems(bill, { nowMs: Date.parse('2027-10-02T10:00:00+08:00'), tariff, areaDm2: 9856 }),
    ).toEqual([])
  })
})
