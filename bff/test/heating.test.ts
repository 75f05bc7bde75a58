import fs from 'node:fs'
import request from 'supertest'
import {
  ErrorEnvelope,
  HeatingApplication,
  HeatingComplaint,
  HeatingComplaints,
  HeatingOverview,
  HeatingStops,
  heatingCompensationFen,
} from '@gh/shared'
import { startCoreSandbox, type CoreSandbox } from './core-sandbox'
import { startBff, type TestBff } from './harness'
import { phoneJpeg } from './photo-helpers'

/**
 * 供暖 through the BFF, the real billing adapter and the core sandbox, its clock pinned and moved
 * by each test: the season and its fee, 报停 at the edges of its window and of arrears, the fee
 * shown before and charged after, withdrawal, 恢复供暖, and a 室温不达标 complaint from the
 * reading to the compensation credited on the next season's bill.
 */
jest.setTimeout(60_000)

const HEATING = '1000000004' // 刘洋: 98.56 m² at 22.80 元/m², the 2026 fee (2247.17 元) unpaid
const FULL_FEE = 224_717
const STOPPED_FEE = 67_415 // × 30%

interface Stack {
  core: CoreSandbox
  bff: TestBff
  token: string
  userId: string
  close(): Promise<void>
}

async function startStack(name: string): Promise<Stack> {
  const core = await startCoreSandbox(name)
  const bff = await startBff({ upstreamUrl: core.url, now: core.now })
  const { token, userId } = await bff.login()
  await bff.bind(userId, HEATING)
  return {
    core,
    bff,
    token,
    userId,
    async close() {
      await bff.close()
      await core.close()
    },
  }
}

let keys = 0
const newKey = () => `heat-${process.pid}-${++keys}-${Math.random().toString(36).slice(2, 8)}`

function api(stack: Stack, token = stack.token) {
  const path = (p: string) => `/api/v1/accounts/${HEATING}/heating${p}`
  return {
    get: (p = '') => request(stack.bff.url).get(path(p)).set('authorization', `Bearer ${token}`),
    post: (p: string, body: object = {}, key = newKey()) =>
      request(stack.bff.url)
        .post(path(p))
        .set('authorization', `Bearer ${token}`)
        .set('idempotency-key', key)
        .send(body),
  }
}

async function setClock(stack: Stack, iso: string): Promise<void> {
  await request(stack.core.url).post('/sandbox/clock').send({ set: iso }).expect(200)
}

async function overview(stack: Stack): Promise<HeatingOverview> {
  const res = await api(stack).get()
  expect(res.status).toBe(200)
  return HeatingOverview.parse(res.body)
}

async function stops(stack: Stack): Promise<HeatingStops> {
  const res = await api(stack).get('/stops')
  expect(res.status).toBe(200)
  return HeatingStops.parse(res.body)
}

function expectError(res: request.Response, status: number, code: string): string {
  expect([res.status, ErrorEnvelope.parse(res.body).error.code]).toEqual([status, code])
  return ErrorEnvelope.parse(res.body).error.message
}

/** Posts a payment straight to billing, as a counter payment would arrive. */
async function payAtCounter(stack: Stack, paymentId: string, amountFen: number, paidAt: string) {
  await request(stack.core.url)
    .post('/billing/v1/payments')
    .send({ paymentId, accountNo: HEATING, amountFen, channel: 'counter', paidAt })
    .expect(201)
}

describe('供暖: the season and 报停 at the edges of its window', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack('heating-window')
  })
  afterAll(() => stack?.close())

  test('when a heated household opens 供暖 in the season, then it sees the season, the fee as area × price, the rules, and why 报停 is not possible now', async () => {
    const page = await overview(stack)
    // The sandbox clock flows on from where it was pinned.
    expect(page.asOf).toMatch(/^2026-11-26T10:0\d:\d\d\+08:00$/)
    expect(page).toMatchObject({
      season: {
        year: 2026,
        label: '2026-2027 采暖季',
        startsOn: '2026-11-15',
        endsOn: '2027-03-15',
        days: 121,
        phase: 'in',
      },
      supply: { state: 'heated', label: '正常供暖', heatedFrom: null },
      fee: {
        basis: 'area',
        areaDm2: 9856,
        priceFenPerM2: 2280,
        seasonFeeFen: FULL_FEE,
        creditFen: 0,
        paidFen: 0,
        outstandingFen: FULL_FEE,
        billId: `H${HEATING}2026`,
        dueAt: '2026-12-31T23:59:59+08:00',
        formula: '建筑面积 98.56 m² × 22.80 元/m² = 2247.17 元',
      },
      stop: {
        canApply: false,
        code: 'HEATING_STOP_WINDOW_CLOSED',
        season: { year: 2027, label: '2027-2028 采暖季' },
      },
      resume: { canApply: false, code: 'HEATING_NOT_STOPPED' },
      complaint: { canApply: true, open: null },
    })
    expect(page.stop.reason).toBe(
      '报停须在采暖季开始前申请：2027-2028 采暖季的报停申请期为 2027年9月1日至10月31日，请到时再来办理。',
    )
    expect(page.rules.fee).toContain('每平方米每个采暖季 22.80 元，您家建筑面积 98.56 m²')
    expect(page.rules.stop).toContain('须在每年9月1日至10月31日申请')
    expect(page.rules.temperature).toContain('低于18℃、不低于16℃：每天补偿日热费的 50%')
    // Personal data stays behind: the page needs none.
    expect(JSON.stringify(page)).not.toContain('刘洋')
  })

  test('when someone not bound to the account asks, then every 供暖 route answers 403 ACCOUNT_NOT_BOUND', async () => {
    const stranger = await stack.bff.login()
    const as = api(stack, stranger.token)
    for (const res of [
      await as.get(),
      await as.get('/stops'),
      await as.post('/stops', { kind: 'stop', seasonYear: 2026, expectedFeeFen: STOPPED_FEE }),
      await as.post('/stops/HA0123456789/cancel'),
      await as.get('/complaints'),
      await as.post('/complaints', { temperatureTenths: 165, slotId: '20261126-pm' }),
    ]) {
      expectError(res, 403, 'ACCOUNT_NOT_BOUND')
    }
    const anonymous = await request(stack.bff.url).get(`/api/v1/accounts/${HEATING}/heating`)
    expect(anonymous.status).toBe(401)
  })

  test('when 报停 is applied for in the last minute of the window, then the fee effect shown before is what the bill charges after; a minute later it can no longer be withdrawn', async () => {
    await setClock(stack, '2026-10-31T23:59:00+08:00')
    const { stop } = await stops(stack)
    expect(stop).toMatchObject({
      canApply: true,
      code: null,
      season: { year: 2026 },
      windowText: '2026年9月1日至10月31日',
      effect: {
        feeBeforeFen: FULL_FEE,
        feeAfterFen: STOPPED_FEE,
        changeFen: STOPPED_FEE - FULL_FEE,
        paidFen: 0,
        toPayFen: STOPPED_FEE,
        toPrepaymentFen: 0,
      },
    })
    expect(stop.effect?.explanation).toBe(
      '报停后，2026-2027 采暖季热费由 2247.17 元降为 674.15 元（建筑面积 98.56 m² × 22.80 元/m² × 30%），' +
        '少缴 1573.02 元。本季热费还需缴 674.15 元。',
    )

    const key = newKey()
    const body = { kind: 'stop', seasonYear: 2026, expectedFeeFen: STOPPED_FEE }
    const res = await api(stack).post('/stops', body, key)
    expect(res.status).toBe(201)
    const application = HeatingApplication.parse(res.body)
    expect(application).toMatchObject({
      kind: 'stop',
      kindLabel: '报停',
      status: 'active',
      statusLabel: '已受理',
      seasonFeeFen: STOPPED_FEE,
      canCancel: true,
      cancelUntil: '2026-10-31T23:59:59+08:00',
      cancelNote: '2026年10月31日前可以撤回',
    })
    // The same key again is the same application, not a second one.
    const replay = await api(stack).post('/stops', body, key)
    expect(replay.body).toEqual(res.body)
    expect((await stops(stack)).applications).toHaveLength(1)
    const page = await overview(stack)
    expect(page.supply).toMatchObject({ state: 'stopped', label: '2026-2027 采暖季已报停' })
    expect(page.fee).toMatchObject({ seasonFeeFen: STOPPED_FEE, outstandingFen: STOPPED_FEE })

    await setClock(stack, '2026-11-01T00:00:00+08:00')
    const late = await api(stack).post(`/stops/${application.applicationId}/cancel`)
    expect(expectError(late, 422, 'HEATING_CANCEL_CLOSED')).toBe(
      '报停的撤回期限是 2026年10月31日，已经过了，不能撤回。',
    )
    const after = await stops(stack)
    expect(after.stop.code).toBe('HEATING_STOP_WINDOW_CLOSED')
    expect(after.applications[0]).toMatchObject({ canCancel: false, status: 'active' })
  })
})

describe('供暖: refusals, withdrawal and 恢复供暖', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack('heating-rules')
  })
  afterAll(() => stack?.close())

  test('when one fen of last season’s fee is still owed in the window, then 报停 is refused with the amount; once it is paid, 报停 goes through and can be withdrawn', async () => {
    const at = '2027-09-10T10:00:00+08:00'
    await setClock(stack, at)
    const owed = (await overview(stack)).fee.outstandingFen
    expect(owed).toBeGreaterThan(FULL_FEE) // with its late fee
    await payAtCounter(stack, 'GH20270910000001', owed - 1, at)

    const page = await overview(stack)
    expect(page.stop).toMatchObject({ canApply: false, code: 'HEATING_IN_ARREARS' })
    expect(page.stop.reason).toBe('该户有欠费 0.01 元未缴，请先缴清欠费再申请报停。')
    const body = { kind: 'stop', seasonYear: 2027, expectedFeeFen: STOPPED_FEE }
    const refused = await api(stack).post('/stops', body)
    expect(expectError(refused, 422, 'HEATING_IN_ARREARS')).toBe(
      '该户有欠费 0.01 元未缴，请先缴清欠费再申请报停。',
    )

    await payAtCounter(stack, 'GH20270910000002', 1, at)
    const changed = await api(stack).post('/stops', { ...body, expectedFeeFen: STOPPED_FEE + 1 })
    expect(expectError(changed, 409, 'HEATING_FEE_CHANGED')).toBe(
      '费用有变化：报停后2027-2028 采暖季热费为 674.15 元，请看清后再确认。',
    )
    const applied = await api(stack).post('/stops', body)
    expect(applied.status).toBe(201)
    const { applicationId } = HeatingApplication.parse(applied.body)

    const cancelled = await api(stack).post(`/stops/${applicationId}/cancel`)
    expect(cancelled.status).toBe(201)
    expect(HeatingApplication.parse(cancelled.body)).toMatchObject({
      status: 'cancelled',
      statusLabel: '已撤回',
      canCancel: false,
      steps: [
        { label: '提交申请，已受理', done: true },
        { label: '已撤回', done: true },
      ],
    })
    const unknown = await api(stack).post('/stops/HA000000000000/cancel')
    expectError(unknown, 404, 'HEATING_APPLICATION_NOT_FOUND')
  })

  test('when a stopped household asks to resume in November, then it sees the days charged in full before, and the bill charges them after', async () => {
    await setClock(stack, '2027-10-20T10:00:00+08:00')
    const stop = (await stops(stack)).stop
    expect(stop).toMatchObject({ canApply: true, code: null })
    await api(stack)
      .post('/stops', { kind: 'stop', seasonYear: 2027, expectedFeeFen: STOPPED_FEE })
      .expect(201)
    const inWindow = (await stops(stack)).resume
    expect(inWindow.code).toBe('HEATING_RESUME_WINDOW_CLOSED')
    expect(inWindow.reason).toBe(
      '现在还在报停申请期内，直接撤回报停申请就能正常供暖（2027年10月31日前可以撤回）。',
    )

    await setClock(stack, '2027-11-20T10:00:00+08:00')
    const { resume } = await stops(stack)
    expect(resume).toMatchObject({
      canApply: true,
      kindLabel: '恢复供暖',
      heatedFrom: '2027-11-22',
      windowText: '2027年11月1日至12月31日',
    })
    const after = resume.effect?.feeAfterFen ?? 0
    expect(resume.effect?.explanation).toMatch(
      /^恢复供暖后，2027-2028 采暖季热费由 674\.15 元增为 [\d.]+ 元：11月22日起 115 天按全价，此前 7 天按 30% 基本热费。/,
    )
    const res = await api(stack).post('/stops', {
      kind: 'resume',
      seasonYear: 2027,
      expectedFeeFen: after,
    })
    expect(res.status).toBe(201)
    expect(HeatingApplication.parse(res.body)).toMatchObject({
      kind: 'resume',
      heatedFrom: '2027-11-22',
      seasonFeeFen: after,
      cancelNote: '2027年11月21日前可以撤回',
    })
    const page = await overview(stack)
    expect(page.supply).toEqual({
      state: 'resuming',
      label: '已申请恢复供暖，11月22日起供暖',
      heatedFrom: '2027-11-22',
    })
    expect(page.fee.seasonFeeFen).toBe(after)
    expect(page.fee.lines.map((l) => [l.type, l.label])).toEqual([
      ['heating', '供暖费（115 天）'],
      ['heating_basic', '停暖基本热费（7 天）'],
    ])
  })
})

describe('供暖: 室温不达标 from the reading to the bill', () => {
  let stack: Stack
  let storageDir = ''
  beforeAll(async () => {
    stack = await startStack('heating-complaints')
    const storage = stack.bff.container.config.storage
    if (storage.driver === 'local') storageDir = storage.dir
  })
  afterAll(async () => {
    await stack?.close()
    if (storageDir) fs.rmSync(storageDir, { recursive: true, force: true })
  })

  async function complaints(): Promise<HeatingComplaints> {
    const res = await api(stack).get('/complaints')
    expect(res.status).toBe(200)
    return HeatingComplaints.parse(res.body)
  }

  test('when a resident reports 16.5 ℃ with a thermometer photo, then the visit confirms it, the rule shown before becomes an amount after, and the next season’s bill carries the credit', async () => {
    const before = await complaints()
    expect(before.report).toEqual({ canApply: true, code: null, reason: null })
    expect(before.rule).toMatchObject({
      standardTenths: 180,
      dailyFeeFen: 1857,
      dailyFeeFormula: '建筑面积 98.56 m² × 22.80 元/m² ÷ 121 天 = 18.57 元',
      bands: [
        {
          percent: 50,
          perDayFen: 929,
          text: '低于18℃、不低于16℃：每天补偿日热费的 50%（9.29 元）',
        },
        { percent: 100, perDayFen: 1857, text: '低于16℃：每天补偿日热费的 100%（18.57 元）' },
      ],
    })
    const slot = before.slots[0]
    expect(slot).toMatchObject({ slotId: '20261126-pm', label: '11月26日 周四 下午 14:00–17:00' })

    const upload = await request(stack.bff.url)
      .post(`/api/v1/accounts/${HEATING}/repair-photos`)
      .set('authorization', `Bearer ${stack.token}`)
      .set('idempotency-key', newKey())
      .attach('file', await phoneJpeg(), { filename: 'thermometer.jpg', contentType: 'image/jpeg' })
    expect(upload.status).toBe(201)
    const photoId = (upload.body as { photoId: string }).photoId

    const res = await api(stack).post('/complaints', {
      temperatureTenths: 165,
      slotId: slot?.slotId,
      photoId,
    })
    expect(res.status).toBe(201)
    const reported = HeatingComplaint.parse(res.body)
    expect(reported).toMatchObject({
      status: 'scheduled',
      statusLabel: '待上门测温',
      photoId,
      reportedTenths: 165,
      expected: { percent: 50, perDayFen: 929 },
      measurement: null,
      compensation: null,
    })
    expect(reported.expected.text).toBe(
      '如上门测得 16.5℃，每天补偿日热费的 50%（9.29 元），直到整改复测达标。',
    )
    await setClock(stack, '2026-11-26T15:00:00+08:00')
    const measured = HeatingComplaint.parse(
      (await api(stack).get(`/complaints/${reported.complaintId}`).expect(200)).body,
    )
    expect(measured).toMatchObject({
      status: 'fixing',
      statusLabel: '不达标，整改中',
      measurement: { measuredTenths: 165, belowStandard: true, percent: 50 },
    })
    expect((await overview(stack)).complaint.open).toEqual({
      complaintId: reported.complaintId,
      statusLabel: '不达标，整改中',
    })
    const second = await api(stack).post('/complaints', {
      temperatureTenths: 150,
      slotId: '20261127-am',
    })
    expect(expectError(second, 409, 'HEATING_COMPLAINT_OPEN')).toBe(
      '您有一件室温投诉正在处理，处理完后可以再报。',
    )

    await setClock(stack, '2026-11-29T15:00:00+08:00')
    const amountFen = heatingCompensationFen(9856, 2280, { days: 3, seasonDays: 121, percent: 50 })
    const resolved = HeatingComplaint.parse(
      (await api(stack).get(`/complaints/${reported.complaintId}`).expect(200)).body,
    )
    expect(resolved).toMatchObject({
      status: 'resolved',
      fixedAt: '2026-11-29T15:00:00+08:00',
      compensation: {
        fromDate: '2026-11-26',
        toDate: '2026-11-28',
        days: 3,
        percent: 50,
        amountFen,
        billId: `H${HEATING}2027`,
        creditOn: '2027-10-01',
        credited: false,
        note: '将在 2027年10月1日出账的下一采暖季账单中扣减',
      },
    })
    expect(resolved.compensation?.explanation).toBe(
      `建筑面积 98.56 m² × 22.80 元/m² ÷ 121 天 × 3 天 × 50% = ${(amountFen / 100).toFixed(2)} 元`,
    )
    // The photo belongs to that complaint: a new report cannot take it.
    const next = (await complaints()).slots[0]
    const reused = await api(stack).post('/complaints', {
      temperatureTenths: 150,
      slotId: next?.slotId,
      photoId,
    })
    expectError(reused, 409, 'PHOTO_ALREADY_USED')

    await setClock(stack, '2027-10-02T10:00:00+08:00')
    const credited = HeatingComplaint.parse(
      (await api(stack).get(`/complaints/${reported.complaintId}`).expect(200)).body,
    )
    expect(credited).toMatchObject({ status: 'credited', statusLabel: '补偿已在账单中扣减' })
    const { fee } = await overview(stack)
    expect(fee).toMatchObject({
      billId: `H${HEATING}2027`,
      seasonFeeFen: FULL_FEE,
      creditFen: -amountFen,
      outstandingFen: FULL_FEE - amountFen,
    })
    const line = fee.lines.find((l) => l.type === 'heating_compensation')
    expect(line).toMatchObject({ label: '室温不达标补偿（3 天）', amountFen: -amountFen })
    expect(line?.explanation).toBe(
      `2026-11-26 至 2026-11-28：建筑面积 98.56 m² × 22.80 元/m² ÷ 121 天 × 3 天 × 50% = ` +
        `${(amountFen / 100).toFixed(2)} 元`,
    )
  })

  test('when the season is over, then a report is refused with the season’s dates', async () => {
    await setClock(stack, '2027-04-01T10:00:00+08:00')
    const { report, slots } = await complaints()
    expect(report).toEqual({
      canApply: false,
      code: 'HEATING_OUT_OF_SEASON',
      reason: '室温投诉在采暖季内受理（2026-2027 采暖季：2026年11月15日至2027年3月15日）。',
    })
    expect(slots).toEqual([])
    const res = await api(stack).post('/complaints', {
      temperatureTenths: 150,
      slotId: '20270401-pm',
    })
    expectError(res, 422, 'HEATING_OUT_OF_SEASON')
  })
})

test('when the OpenAPI document is read, then every 供暖 route is in it, account-scoped, and its POSTs need an Idempotency-Key', async () => {
  const bff = await startBff({ database: 'sqlite' })
  try {
    const doc = (await request(bff.url).get('/api/v1/openapi.json').expect(200)).body as {
      paths: Record<
        string,
        Record<
          string,
          {
            'x-account-scoped': boolean
            parameters?: { name: string; in: string; required: boolean }[]
          }
        >
      >
    }
    const heating = Object.entries(doc.paths).filter(([p]) => p.includes('/heating'))
    expect(heating.map(([p]) => p).sort()).toEqual([
      '/api/v1/accounts/{accountNo}/heating',
      '/api/v1/accounts/{accountNo}/heating/complaints',
      '/api/v1/accounts/{accountNo}/heating/complaints/{complaintId}',
      '/api/v1/accounts/{accountNo}/heating/stops',
      '/api/v1/accounts/{accountNo}/heating/stops/{applicationId}',
      '/api/v1/accounts/{accountNo}/heating/stops/{applicationId}/cancel',
    ])
    for (const [, operations] of heating) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation['x-account-scoped']).toBe(true)
        const key = operation.parameters?.find((p) => p.name === 'Idempotency-Key')
        expect(key?.required ?? false).toBe(method === 'post')
      }
    }
  } finally {
    await bff.close()
  }
})
