import { UpstreamError } from '../../contracts/common'
import { Credit, Meter, ReadingList } from '../../contracts/meters'
import { Ledger } from '../ports/billing/dev-schemas'
import { closeAll } from './helpers'
import { DAY, MINUTE, SECOND, expectConforms, startFixed } from './meters-fixtures'

afterEach(closeAll)

const IOT = 'NB2199000001'
const credit = (creditId = 'GH20261126000001', amountFen = 5000) => ({ creditId, amountFen })

async function meter(http: Awaited<ReturnType<typeof startFixed>>['http'], meterNo = IOT) {
  const res = await http.get(`/meters/v1/meters/${meterNo}`).expect(200)
  expectConforms(Meter, res.body)
  return res.body as ReturnType<typeof Meter.parse>
}

describe('meters port: IoT remote credits', () => {
  it('when a credit is sent, then it is pending until the meter confirms 30 s of sandbox time later, and the balance rises once', async () => {
    const { http, advance } = await startFixed()
    const before = await meter(http)
    const sent = await http.post(`/meters/v1/meters/${IOT}/credits`).send(credit()).expect(202)
    expectConforms(Credit, sent.body)
    expect(sent.body).toMatchObject({ status: 'pending', queued: false, appliedAt: null })

    await advance(29 * SECOND)
    const early = await http.get(`/meters/v1/meters/${IOT}/credits/GH20261126000001`).expect(200)
    expect(early.body.status).toBe('pending')
    expect((await meter(http)).balanceFen).toBe(before.balanceFen)

    await advance(1 * SECOND)
    const done = await http.get(`/meters/v1/meters/${IOT}/credits/GH20261126000001`).expect(200)
    expect(done.body).toMatchObject({ status: 'applied', appliedAt: '2026-11-26T10:00:30+08:00' })
    expect((await meter(http)).balanceFen).toBe((before.balanceFen ?? 0) + 5000)
  })

  it('when the same creditId is sent twice, then the ledger counts one credit and the balance rises once', async () => {
    const { http, advance } = await startFixed()
    const before = await meter(http)
    await http.post(`/meters/v1/meters/${IOT}/credits`).send(credit()).expect(202)
    await advance(MINUTE)
    const replay = await http
      .post(`/meters/v1/meters/${IOT}/credits`)
      .set('Idempotency-Key', 'GH20261126000001')
      .send(credit())
      .expect(200)
    expect(replay.body.status).toBe('applied')
    await advance(MINUTE)
    const ledger = Ledger.parse(
      (await http.get('/sandbox/ledger?accountNo=1000000001').expect(200)).body,
    )
    expect(ledger.credits).toHaveLength(1)
    expect((await meter(http)).balanceFen).toBe((before.balanceFen ?? 0) + 5000)
  })

  it('when the same creditId comes with another amount, then 409 IDEMPOTENCY_MISMATCH', async () => {
    const { http } = await startFixed()
    await http.post(`/meters/v1/meters/${IOT}/credits`).send(credit()).expect(202)
    const res = await http
      .post(`/meters/v1/meters/${IOT}/credits`)
      .send(credit('GH20261126000001', 6000))
      .expect(409)
    expectConforms(UpstreamError, res.body)
    expect(res.body.code).toBe('IDEMPOTENCY_MISMATCH')
  })

  it('when the meter is offline, then the credit stays queued however long, and confirms 30 s after the meter comes back', async () => {
    const { http, advance } = await startFixed()
    const off = await http.post(`/sandbox/meters/${IOT}/online`).send({ online: false }).expect(200)
    expect(off.body.online).toBe(false)
    const sent = await http.post(`/meters/v1/meters/${IOT}/credits`).send(credit()).expect(202)
    expect(sent.body).toMatchObject({ status: 'pending', queued: true })

    await advance(6 * 60 * MINUTE)
    const waiting = await http.get(`/meters/v1/meters/${IOT}/credits/GH20261126000001`).expect(200)
    expect(waiting.body).toMatchObject({ status: 'pending', queued: true })

    await http.post(`/sandbox/meters/${IOT}/online`).send({ online: true }).expect(200)
    const sending = await http.get(`/meters/v1/meters/${IOT}/credits/GH20261126000001`).expect(200)
    expect(sending.body).toMatchObject({ status: 'pending', queued: false })
    await advance(30 * SECOND)
    const done = await http.get(`/meters/v1/meters/${IOT}/credits/GH20261126000001`).expect(200)
    expect(done.body).toMatchObject({ status: 'applied', appliedAt: '2026-11-26T16:00:30+08:00' })
  })

  it('when the gateway is told to fail the next 5 calls, then 5 credits fail with 503, the 6th succeeds and one credit is recorded', async () => {
    const { http } = await startFixed()
    await http.post('/sandbox/meters/fail-next').send({ count: 5 }).expect(200)
    for (let i = 0; i < 5; i++) {
      const res = await http.post(`/meters/v1/meters/${IOT}/credits`).send(credit()).expect(503)
      expect(res.body.code).toBe('METER_GATEWAY_UNAVAILABLE')
    }
    await http.post(`/meters/v1/meters/${IOT}/credits`).send(credit()).expect(202)
    await http.post(`/meters/v1/meters/${IOT}/credits`).send(credit()).expect(200)
    const ledger = (await http.get('/sandbox/ledger?accountNo=1000000001')).body
    expect(ledger.credits).toHaveLength(1)
  })

  it('when the confirmation delay is changed, then new credits confirm after the new delay', async () => {
    const { http, advance } = await startFixed()
    await http
      .post('/sandbox/meters/settings')
      .send({ confirmDelayMs: 5 * MINUTE })
      .expect(200)
    await http.post(`/meters/v1/meters/${IOT}/credits`).send(credit()).expect(202)
    await advance(4 * MINUTE)
    expect((await http.get(`/meters/v1/meters/${IOT}/credits/GH20261126000001`)).body.status).toBe(
      'pending',
    )
    await advance(MINUTE)
    expect((await http.get(`/meters/v1/meters/${IOT}/credits/GH20261126000001`)).body.status).toBe(
      'applied',
    )
  })

  it.each([
    ['a suspended account', 'NB2199000006', 422, 'ACCOUNT_SUSPENDED'],
    ['an IC-card meter', 'IC3399000002', 422, 'METER_TYPE_MISMATCH'],
    ['an unknown meter', 'NB2199000099', 404, 'METER_NOT_FOUND'],
  ])(
    'when a credit goes to %s (%s), then %i %s and nothing is recorded',
    async (_, meterNo, status, code) => {
      const { http } = await startFixed()
      const res = await http
        .post(`/meters/v1/meters/${meterNo}/credits`)
        .send(credit())
        .expect(status)
      expect(res.body.code).toBe(code)
      const accountNo = `10000000${meterNo.slice(-2)}`
      const ledger = await http.get(`/sandbox/ledger?accountNo=${accountNo}`)
      expect(ledger.body.credits ?? []).toEqual([])
    },
  )

  it('when an amount is outside the per-order limits, then 422 TOP_UP_AMOUNT_OUT_OF_RANGE', async () => {
    const { http } = await startFixed()
    const res = await http
      .post(`/meters/v1/meters/${IOT}/credits`)
      .send(credit('GH20261126000001', 200_001))
      .expect(422)
    expect(res.body.code).toBe('TOP_UP_AMOUNT_OUT_OF_RANGE')
  })
})

describe('meters port: meter state and readings', () => {
  it('when days pass, then the elderly persona’s balance runs out, the valve closes, and a credit opens it again', async () => {
    const { http, advance } = await startFixed()
    const start = await meter(http, 'NB2199000007')
    expect(start).toMatchObject({ type: 'iot', online: true, valve: 'open', balanceFen: 2350 })
    await advance(10 * DAY)
    const later = await meter(http, 'NB2199000007')
    expect(later.balanceFen).toBeLessThan(2350)
    expect(later.readingDm3).toBeGreaterThan(start.readingDm3)
    expect(later.lastReadingAt).toBe('2026-12-06T00:00:00+08:00')
    await advance(60 * DAY)
    const empty = await meter(http, 'NB2199000007')
    expect(empty.valve).toBe('closed')
    // Once closed, no more gas flows: the register stands still.
    await advance(5 * DAY)
    expect((await meter(http, 'NB2199000007')).readingDm3).toBe(empty.readingDm3)
    await http
      .post('/meters/v1/meters/NB2199000007/credits')
      .send(credit('GH20270204000001', 10_000))
      .expect(202)
    await advance(MINUTE)
    expect((await meter(http, 'NB2199000007')).valve).toBe('open')
  })

  it('when readings are listed, then there are 24 monthly readings and winter months use more gas than summer', async () => {
    const { http } = await startFixed()
    const res = await http.get(`/meters/v1/meters/${IOT}/readings`).expect(200)
    expectConforms(ReadingList, res.body)
    const { readings } = res.body as ReturnType<typeof ReadingList.parse>
    expect(readings).toHaveLength(24)
    expect(readings[0]?.readAt).toBe('2024-12-01T00:00:00+08:00')
    expect(readings.at(-1)?.readAt).toBe('2026-11-01T00:00:00+08:00')
    for (let i = 1; i < readings.length; i++) {
      expect(readings[i]?.readingDm3).toBe(
        (readings[i - 1]?.readingDm3 ?? 0) + (readings[i]?.usageDm3 ?? 0),
      )
    }
    const usageOf = (month: string) =>
      readings.find((r) => r.readAt.startsWith(month))?.usageDm3 ?? 0
    expect(usageOf('2026-02')).toBeGreaterThan(usageOf('2026-08') * 1.4)
    const from = await http
      .get(`/meters/v1/meters/${IOT}/readings?from=2026-01-01&to=2026-03-31`)
      .expect(200)
    expect(from.body.readings.map((r: { readAt: string }) => r.readAt.slice(0, 7))).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ])
  })

  it('when a postpaid meter is read, then it is a mechanical meter without balance, read monthly', async () => {
    const { http } = await startFixed()
    expect(await meter(http, 'JL4799000003')).toMatchObject({
      type: 'mechanical',
      online: null,
      balanceFen: null,
      valve: 'open',
      lastReadingAt: '2026-11-01T00:00:00+08:00',
    })
  })

  it('when the sandbox document is read, then it lists the ledger and meter developer endpoints', async () => {
    const { http } = await startFixed()
    const res = await http.get('/sandbox/openapi.json').expect(200)
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/sandbox/ledger',
        '/sandbox/meters/{meterNo}/online',
        '/sandbox/meters/fail-next',
      ]),
    )
  })
})
