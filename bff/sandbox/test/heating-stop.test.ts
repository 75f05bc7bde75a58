import { AccountSummary, Bill } from '../../contracts/billing'
import { HeatingStopApplication, HeatingStops } from '../../contracts/billing-heating-stops'
import { UpstreamError } from '../../contracts/common'
import { closeAll } from './helpers'
import { DAY, expectConforms, startFixed } from './meters-fixtures'

afterEach(closeAll)

type Http = Awaited<ReturnType<typeof startFixed>>['http']

const HEATING = '1000000004' // 98.56 m², season fee 2247.17 元 in full
const stops = `/billing/v1/accounts/${HEATING}/heating-stops`

async function setClock(http: Http, iso: string): Promise<void> {
  await http.post('/sandbox/clock').send({ set: iso }).expect(200)
}

async function summaryOf(http: Http, accountNo = HEATING) {
  return AccountSummary.parse(
    (await http.get(`/billing/v1/accounts/${accountNo}/summary`).expect(200)).body,
  )
}

/** Pays whatever the household owes, so arrears do not stand in the way. */
async function payAll(http: Http, paymentId: string, paidAt: string): Promise<void> {
  const { amountDueFen } = await summaryOf(http)
  if (amountDueFen === 0) return
  await http
    .post('/billing/v1/payments')
    .send({ paymentId, accountNo: HEATING, amountFen: amountDueFen, channel: 'counter', paidAt })
    .expect(201)
}

async function heatingBill(http: Http, year: number) {
  const res = await http.get(`/billing/v1/accounts/${HEATING}/bills/H${HEATING}${year}`).expect(200)
  expectConforms(Bill, res.body)
  return Bill.parse(res.body)
}

/** In the 2027 window, with the 2026 season paid up. */
async function inWindow(at = '2027-09-10T10:00:00+08:00') {
  const running = await startFixed()
  await setClock(running.http, at)
  await payAll(running.http, 'GH20270910000001', at)
  return running
}

describe('billing port: 停暖 applications', () => {
  it('when the window is closed, then the account is told when the next one opens and applying is refused', async () => {
    const { http } = await startFixed() // 2026-11-26: the 2026 window closed on 10-31
    const res = await http.get(stops).expect(200)
    expectConforms(HeatingStops, res.body)
    expect(res.body).toMatchObject({
      window: {
        season: { year: 2027, startsOn: '2027-11-15', endsOn: '2028-03-15' },
        opensAt: '2027-09-01T00:00:00+08:00',
        closesAt: '2027-10-31T23:59:59+08:00',
        open: false,
      },
      canApply: false,
      refusal: 'HEATING_STOP_WINDOW_CLOSED',
      applications: [],
    })
    for (const seasonYear of [2026, 2027]) {
      const refused = await http
        .post(stops)
        .send({ applicationId: `HS-${seasonYear}-A`, seasonYear })
        .expect(422)
      expectConforms(UpstreamError, refused.body)
      expect(refused.body.code).toBe('HEATING_STOP_WINDOW_CLOSED')
    }
  })

  it('when an account with an overdue heating bill applies in the window, then 422 ACCOUNT_IN_ARREARS', async () => {
    const { http } = await startFixed()
    await setClock(http, '2027-09-10T10:00:00+08:00') // the 2026 season fee was due 2026-12-31
    const view = HeatingStops.parse((await http.get(stops).expect(200)).body)
    expect(view).toMatchObject({ canApply: false, refusal: 'ACCOUNT_IN_ARREARS' })
    const res = await http.post(stops).send({ applicationId: 'HS-2027-A', seasonYear: 2027 })
    expect([res.status, res.body.code]).toEqual([422, 'ACCOUNT_IN_ARREARS'])
  })

  it('when a household applies before the bill is issued, then the season is billed at the 基本热费 share only', async () => {
    const { http } = await inWindow()
    expect((await http.get(stops).expect(200)).body).toMatchObject({ canApply: true })
    const res = await http.post(stops).send({ applicationId: 'HS-2027-A', seasonYear: 2027 })
    expect(res.status).toBe(201)
    expectConforms(HeatingStopApplication, res.body)
    expect(res.body).toMatchObject({
      status: 'active',
      season: { year: 2027, startsOn: '2027-11-15', endsOn: '2028-03-15' },
      appliedAt: '2027-09-10T10:00:00+08:00',
      areaDm2: 9856,
      stoppedFeePercent: 30,
    })
    expect(res.body.stoppedFeeFen).toBeLessThan(res.body.fullFeeFen)

    await setClock(http, '2027-10-02T10:00:00+08:00') // the 2027 fee is billed on 10-01
    const bill = await heatingBill(http, 2027)
    expect(bill.amountFen).toBe(res.body.stoppedFeeFen)
    expect(bill.lines).toEqual([
      expect.objectContaining({ type: 'heating_basic', percent: 30, days: 122, seasonDays: 122 }),
    ])
    expect(bill.summary).toContain('停暖')
    expect((await summaryOf(http)).heating).toMatchObject({
      season: { startsOn: '2027-11-15' },
      supply: 'stopped',
      seasonFeeFen: res.body.stoppedFeeFen,
    })
  })

  it('when the same application is sent again, then it is recorded once; another body or a second one for the season is refused', async () => {
    const { http } = await inWindow()
    const body = { applicationId: 'HS-2027-A', seasonYear: 2027 }
    const first = await http.post(stops).set('Idempotency-Key', 'HS-2027-A').send(body).expect(201)
    const replay = await http.post(stops).send(body).expect(200)
    expect(replay.body).toEqual(first.body)
    const mismatch = await http
      .post(stops)
      .send({ ...body, seasonYear: 2028 })
      .expect(409)
    expect(mismatch.body.code).toBe('IDEMPOTENCY_MISMATCH')
    const second = await http
      .post(stops)
      .send({ applicationId: 'HS-2027-B', seasonYear: 2027 })
      .expect(409)
    expect(second.body.code).toBe('HEATING_STOP_EXISTS')
    const header = await http
      .post(stops)
      .set('Idempotency-Key', 'OTHER-KEY-1')
      .send({ applicationId: 'HS-2027-C', seasonYear: 2027 })
      .expect(400)
    expect(header.body.code).toBe('INVALID_ARGUMENT')
    const view = HeatingStops.parse((await http.get(stops)).body)
    expect(view.applications.map((a) => a.applicationId)).toEqual(['HS-2027-A'])
    expect(view).toMatchObject({ canApply: false, refusal: 'HEATING_STOP_EXISTS' })
  })

  it('when a paid season is stopped and then the stop withdrawn, then the difference goes to prepayment and back', async () => {
    const { http } = await inWindow('2027-10-05T10:00:00+08:00')
    const full = await heatingBill(http, 2027)
    expect(full).toMatchObject({ status: 'paid', amountFen: 224_717 })

    const applied = await http
      .post(stops)
      .send({ applicationId: 'HS-2027-A', seasonYear: 2027 })
      .expect(201)
    const stopped = await heatingBill(http, 2027)
    expect(stopped).toMatchObject({ status: 'paid', amountFen: applied.body.stoppedFeeFen })
    expect((await summaryOf(http)).balanceFen).toBe(224_717 - applied.body.stoppedFeeFen)

    const path = `${stops}/HS-2027-A/cancel`
    const cancelled = await http.post(path).expect(200)
    expectConforms(HeatingStopApplication, cancelled.body)
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelledAt: '2027-10-05T10:00:00+08:00',
    })
    expect(await heatingBill(http, 2027)).toMatchObject({ status: 'paid', amountFen: 224_717 })
    const summary = await summaryOf(http)
    expect(summary).toMatchObject({ balanceFen: 0, amountDueFen: 0 })
    expect(summary.heating?.supply).toBe('supplied')
    expect((await http.post(path).expect(200)).body).toEqual(cancelled.body)
  })

  it('when the window has closed, then an application can no longer be withdrawn and a new one is refused', async () => {
    const { http, advance } = await inWindow('2027-10-31T10:00:00+08:00')
    await http.post(stops).send({ applicationId: 'HS-2027-A', seasonYear: 2027 }).expect(201)
    await advance(DAY) // 2027-11-01
    const late = await http.post(`${stops}/HS-2027-A/cancel`).expect(422)
    expect(late.body.code).toBe('HEATING_STOP_WINDOW_CLOSED')
    const again = await http
      .post(stops)
      .send({ applicationId: 'HS-2027-B', seasonYear: 2027 })
      .expect(422)
    expect(again.body.code).toBe('HEATING_STOP_WINDOW_CLOSED')
    const unknown = await http.post(`${stops}/HS-NOPE-1/cancel`).expect(404)
    expect(unknown.body.code).toBe('HEATING_STOP_NOT_FOUND')
    expect((await heatingBill(http, 2027)).lines.map((l) => l.type)).toEqual(['heating_basic'])
  })

  it('when an application comes in the last second of the window, then it is taken; a second later nothing can be applied for or withdrawn', async () => {
    const { http, advance } = await inWindow('2027-10-31T23:59:59+08:00')
    await http.post(stops).send({ applicationId: 'HS-2027-A', seasonYear: 2027 }).expect(201)
    await advance(1000) // 2027-11-01 00:00:00
    const view = HeatingStops.parse((await http.get(stops).expect(200)).body)
    expect(view).toMatchObject({
      window: { season: { year: 2028 }, open: false },
      refusal: 'HEATING_STOP_WINDOW_CLOSED',
    })
    const late = await http.post(`${stops}/HS-2027-A/cancel`).expect(422)
    expect(late.body.code).toBe('HEATING_STOP_WINDOW_CLOSED')
  })

  it('when an application is withdrawn in the last second of the window, then the withdrawal is taken', async () => {
    const { http } = await inWindow('2027-10-31T10:00:00+08:00')
    const applied = await http
      .post(stops)
      .send({ applicationId: 'HS-2027-A', seasonYear: 2027 })
      .expect(201)
    expect(applied.body.cancelUntil).toBe('2027-10-31T23:59:59+08:00')
    await setClock(http, '2027-10-31T23:59:59+08:00')
    const cancelled = await http.post(`${stops}/HS-2027-A/cancel`).expect(200)
    expect(cancelled.body).toMatchObject({ status: 'cancelled' })
  })

  it('when one fen of an overdue bill is still unpaid, then 停暖 is refused for arrears until that fen is paid', async () => {
    const { http } = await startFixed()
    const at = '2027-09-10T10:00:00+08:00'
    await setClock(http, at)
    const { amountDueFen, arrearsFen } = await summaryOf(http)
    expect(arrearsFen).toBe(amountDueFen)
    const payment = (paymentId: string, amountFen: number) =>
      http
        .post('/billing/v1/payments')
        .send({ paymentId, accountNo: HEATING, amountFen, channel: 'counter', paidAt: at })
        .expect(201)
    await payment('GH20270910000001', amountDueFen - 1)
    expect((await summaryOf(http)).arrearsFen).toBe(1)
    const view = HeatingStops.parse((await http.get(stops).expect(200)).body)
    expect(view).toMatchObject({ canApply: false, refusal: 'ACCOUNT_IN_ARREARS' })
    const refused = await http
      .post(stops)
      .send({ applicationId: 'HS-2027-A', seasonYear: 2027 })
      .expect(422)
    expect(refused.body.code).toBe('ACCOUNT_IN_ARREARS')
    await payment('GH20270910000002', 1)
    expect((await summaryOf(http)).arrearsFen).toBe(0)
    await http.post(stops).send({ applicationId: 'HS-2027-B', seasonYear: 2027 }).expect(201)
  })

  it('when the window is open, then the view quotes the season heated and stopped', async () => {
    const { http } = await inWindow()
    const view = HeatingStops.parse((await http.get(stops).expect(200)).body)
    expectConforms(HeatingStops, view)
    expect(view).toMatchObject({
      asOf: '2027-09-10T10:00:00+08:00',
      quote: {
        areaDm2: 9856,
        priceFenPerM2: 2280,
        fullFeeFen: 224_717,
        stoppedFeePercent: 30,
      },
      resume: { season: { year: 2026 }, canApply: false, refusal: 'HEATING_NOT_STOPPED' },
    })
    expect(view.quote.stoppedFeeFen).toBe(Math.round(224_716.8 * 0.3))
  })

  it('when a flat is in a building on shared single-pipe risers, then 停暖 is refused for the building', async () => {
    const { http } = await startFixed(400)
    const shared = ['建华小区', '联盟小区', '西里小区', '友谊新村', '北焦小区']
    const items: { accountNo: string; kind: string; description: string }[] = []
    for (let page = 1; page <= 4; page++) {
      const listing = (await http.get(`/sandbox/accounts?page=${page}&pageSize=100`).expect(200))
        .body
      items.push(...listing.generated.items)
    }
    const flat = items.find(
      (a) => a.kind === 'heating' && shared.some((c) => a.description.includes(c)),
    )
    if (!flat) throw new Error('no generated heating flat on shared risers')
    const path = `/billing/v1/accounts/${flat.accountNo}/heating-stops`
    const closed = HeatingStops.parse((await http.get(path).expect(200)).body)
    expect(closed.refusal).toBe('HEATING_STOP_SHARED_RISER')
    await setClock(http, '2027-09-10T10:00:00+08:00')
    const open = HeatingStops.parse((await http.get(path).expect(200)).body)
    expect(open).toMatchObject({ window: { open: true }, refusal: 'HEATING_STOP_SHARED_RISER' })
    const res = await http.post(path).send({ applicationId: 'HS-2027-A', seasonYear: 2027 })
    expect([res.status, res.body.code]).toEqual([422, 'HEATING_STOP_SHARED_RISER'])
  })

  it('when a gas account asks about 停暖, then 422 NOT_HEATING_ACCOUNT', async () => {
    const { http } = await startFixed()
    const res = await http.get('/billing/v1/accounts/1000000003/heating-stops').expect(422)
    expect(res.body.code).toBe('NOT_HEATING_ACCOUNT')
  })

  it('when a generated household stopped heating this season, then its application is on record and its bill is the basic share', async () => {
    const { http } = await startFixed(50)
    const listing = (await http.get('/sandbox/accounts?pageSize=50').expect(200)).body
    const heating = (listing.generated.items as { accountNo: string; kind: string }[])
      .filter((a) => a.kind === 'heating')
      .map((a) => a.accountNo)
    const found = []
    for (const accountNo of heating) {
      const summary = await summaryOf(http, accountNo)
      if (summary.heating?.supply !== 'stopped') continue
      const view = HeatingStops.parse(
        (await http.get(`/billing/v1/accounts/${accountNo}/heating-stops`).expect(200)).body,
      )
      expect(view.applications).toEqual([
        expect.objectContaining({
          status: 'active',
          season: expect.objectContaining({ year: 2026 }),
        }),
      ])
      const appliedOn = view.applications[0]?.appliedAt.slice(0, 10) ?? ''
      expect(appliedOn >= '2026-09-01' && appliedOn <= '2026-10-31').toBe(true)
      expect(summary.heating?.seasonFeeFen).toBe(view.applications[0]?.stoppedFeeFen)
      found.push(accountNo)
    }
    expect(found.length).toBeGreaterThan(0)
  })
})

describe('billing port: 恢复供暖 within a stopped season', () => {
  /** Persona 4 with 停暖 for the 2027 season, on `at`. */
  async function stoppedOn(at: string) {
    const running = await inWindow()
    await running.http
      .post(stops)
      .send({ applicationId: 'HS-2027-A', seasonYear: 2027 })
      .expect(201)
    await setClock(running.http, at)
    return running
  }

  const resume = (http: Http, applicationId: string, seasonYear = 2027) =>
    http.post(stops).send({ applicationId, kind: 'resume', seasonYear })

  it('when a stopped household applies to resume, then heat returns two days later and those days are charged in full', async () => {
    const { http } = await stoppedOn('2027-11-20T10:00:00+08:00')
    const view = HeatingStops.parse((await http.get(stops).expect(200)).body)
    expect(view.resume).toMatchObject({
      season: { year: 2027, startsOn: '2027-11-15', endsOn: '2028-03-15' },
      opensAt: '2027-11-01T00:00:00+08:00',
      closesAt: '2027-12-31T23:59:59+08:00',
      leadDays: 2,
      canApply: true,
      refusal: null,
      heatedFrom: '2027-11-22',
    })
    const res = await resume(http, 'HR-2027-A').expect(201)
    expectConforms(HeatingStopApplication, res.body)
    expect(res.body).toMatchObject({
      kind: 'resume',
      heatedFrom: '2027-11-22',
      cancelUntil: '2027-11-21T23:59:59+08:00',
      seasonFeeFen: view.resume.resumedFeeFen,
    })
    const bill = await heatingBill(http, 2027)
    expect(bill.amountFen).toBe(res.body.seasonFeeFen)
    expect(bill.lines).toEqual([
      expect.objectContaining({ type: 'heating', days: 115, seasonDays: 122, percent: 100 }),
      expect.objectContaining({ type: 'heating_basic', days: 7, seasonDays: 122, percent: 30 }),
    ])
    expect(bill.summary).toContain('2027-11-22 起恢复供暖')
    expect((await summaryOf(http)).heating?.supply).toBe('stopped')
    expect((await resume(http, 'HR-2027-B').expect(409)).body.code).toBe('HEATING_RESUME_EXISTS')
  })

  it('when a resume is withdrawn the day before heat returns, then it is taken; once heat has returned, it is refused', async () => {
    const { http } = await stoppedOn('2027-11-20T10:00:00+08:00')
    const stoppedFee = (await heatingBill(http, 2027)).amountFen
    await resume(http, 'HR-2027-A').expect(201)
    await setClock(http, '2027-11-21T23:59:59+08:00')
    await http.post(`${stops}/HR-2027-A/cancel`).expect(200)
    expect((await heatingBill(http, 2027)).amountFen).toBe(stoppedFee)

    const again = await resume(http, 'HR-2027-B').expect(201)
    expect(again.body.heatedFrom).toBe('2027-11-23')
    await setClock(http, '2027-11-23T00:00:00+08:00')
    const late = await http.post(`${stops}/HR-2027-B/cancel`).expect(422)
    expect(late.body.code).toBe('HEATING_RESUME_STARTED')
    expect((await summaryOf(http)).heating?.supply).toBe('supplied')
  })

  it('when a resume is asked for outside 1 November to 31 December, or for a heated season, then it is refused', async () => {
    const { http } = await stoppedOn('2027-10-20T10:00:00+08:00')
    const inWindowView = HeatingStops.parse((await http.get(stops).expect(200)).body)
    expect(inWindowView.resume.refusal).toBe('HEATING_RESUME_WINDOW_CLOSED')
    expect((await resume(http, 'HR-2027-A').expect(422)).body.code).toBe(
      'HEATING_RESUME_WINDOW_CLOSED',
    )
    await setClock(http, '2027-12-31T23:59:59+08:00')
    expect(HeatingStops.parse((await http.get(stops)).body).resume.canApply).toBe(true)
    await setClock(http, '2028-01-01T00:00:00+08:00')
    expect((await resume(http, 'HR-2027-B').expect(422)).body.code).toBe(
      'HEATING_RESUME_WINDOW_CLOSED',
    )

    const heated = await startFixed()
    const res = await resume(heated.http, 'HR-2026-A', 2026).expect(422)
    expect(res.body.code).toBe('HEATING_NOT_STOPPED')
  })
})
