import { randomUUID } from 'node:crypto'
import request from 'supertest'
import type { Inspections, SelfCheck, SelfCheckAnswers } from '@gh/shared'
import { randomNamespace } from './auth-fakes'
import { startCoreSandbox, type CoreSandbox } from './core-sandbox'
import { startBff, type TestBff } from './harness'
import { eventually, fastPayments } from './payment-fakes'

/**
 * 安全自查 and 入户安检 against the core sandbox, whose clock the BFF follows (pinned at the
 * harness's start): the reminders, the re-inspection of the suspended persona and its top-up.
 */
let core: CoreSandbox
let bff: TestBff

const HOME = '1000000001'
const SUSPENDED = '1000000006'

beforeAll(async () => {
  core = await startCoreSandbox('safety-checks')
  const clock = core.sandbox.state.clock
  bff = await startBff({
    upstreamUrl: core.url,
    now: () => clock.now(),
    payments: fastPayments,
    env: {
      RATE_LIMIT_NAMESPACE: randomNamespace(),
      // The tests run the watches themselves; the schedulers must not race them.
      NOTIFY_SUPPLY_STOP_POLL_SECONDS: '86400',
      NOTIFY_BILL_POLL_SECONDS: '86400',
      NOTIFY_BALANCE_POLL_SECONDS: '86400',
    },
  })
}, 30_000)
afterAll(async () => {
  await bff?.close()
  await core?.close()
})

async function residentOf(accountNo: string) {
  const { userId, token } = await bff.login()
  await bff.bind(userId, accountNo)
  const auth = { authorization: `Bearer ${token}` }
  const base = `/api/v1/accounts/${accountNo}`
  return {
    get: (path: string) => request(bff.url).get(`${base}${path}`).set(auth),
    send: (method: 'post' | 'put', path: string, body: object, key = `k-${randomUUID()}`) =>
      request(bff.url)[method](`${base}${path}`).set(auth).set('idempotency-key', key).send(body),
    inbox: async () =>
      (await request(bff.url).get('/api/v1/messages?limit=50').set(auth).expect(200)).body
        .messages as { type: string; title: string; body: string }[],
  }
}

const remind = () => bff.container.safety.reminders.run()
const firstFree = (page: Inspections) => {
  const slot = page.slots.find((s) => s.available)
  if (!slot) throw new Error('no free slot')
  return { date: slot.date, window: slot.window }
}

test('when a resident books, moves and cancels an inspection, then each answer shows the visit as it is and the day before it they are reminded once', async () => {
  const me = await residentOf(HOME)
  const before = (await me.get('/inspections').expect(200)).body as Inspections
  expect(before.supply).toBe('normal')
  expect(before.last).toMatchObject({ state: 'passed', kindLabel: '定期安检' })
  expect(before.next).toBeNull()

  // Book a later day first, then move it to tomorrow: the reminder follows the move.
  const tomorrowDate = before.slots[0]?.date
  const free = before.slots.filter((s) => s.available)
  const tomorrow = free.find((s) => s.date === tomorrowDate)
  const first = free.find((s) => s.date !== tomorrowDate)
  const second = free.find((s) => s !== first && s !== tomorrow)
  if (!tomorrow || !first || !second) throw new Error('the seeded calendar has no free slots')
  const slot = (s: typeof first) => ({ date: s.date, window: s.window })
  const key = `k-${randomUUID()}`
  const booked = (
    await me.send('post', '/inspections', { action: 'book', slot: slot(first) }, key).expect(201)
  ).body as Inspections
  expect(booked.next).toMatchObject({ state: 'booked', slot: slot(first) })
  // A retry after a lost answer books nothing more.
  await me.send('post', '/inspections', { action: 'book', slot: slot(first) }, key).expect(201)
  const again = await me.send('post', '/inspections', { action: 'book', slot: slot(second) })
  expect(again.status).toBe(409)
  expect(again.body.error.code).toBe('INSPECTION_ALREADY_BOOKED')
  await remind()
  expect((await me.inbox()).filter((m) => m.type === 'inspection_tomorrow')).toHaveLength(0)

  const inspectionId = booked.next?.inspectionId ?? ''
  const moved = (
    await me
      .send('post', '/inspections', { action: 'reschedule', inspectionId, slot: slot(tomorrow) })
      .expect(201)
  ).body as Inspections
  expect(moved.next).toMatchObject({ inspectionId, slot: slot(tomorrow) })

  // The visit is tomorrow now: the reminder is due, and only once.
  await remind()
  await remind()
  const reminders = (await me.inbox()).filter((m) => m.type === 'inspection_tomorrow')
  expect(reminders).toHaveLength(1)
  expect(reminders[0]?.title).toBe('明天定期安检上门')

  const cancelled = (
    await me.send('post', '/inspections', { action: 'cancel', inspectionId }).expect(201)
  ).body as Inspections
  expect(cancelled.next).toBeNull()
  const late = await me.send('post', '/inspections', { action: 'cancel', inspectionId })
  expect(late.body.error.code).toBe('INSPECTION_CLOSED')
}, 30_000)

test('when the suspended resident passes the re-inspection, then the page says gas is back and a top-up is created and credited', async () => {
  const me = await residentOf(SUSPENDED)
  const page = (await me.get('/inspections').expect(200)).body as Inspections
  expect(page.supply).toBe('suspended')
  expect(page.last?.state).toBe('failed')
  expect(page.last?.findings.map((f) => f.item)).toEqual(
    expect.arrayContaining(['软管', '热水器烟道']),
  )
  expect(page.nextKind).toBe('re_inspection')

  const booked = (
    await me.send('post', '/inspections', { action: 'book', slot: firstFree(page) }).expect(201)
  ).body as Inspections
  expect(booked.next).toMatchObject({ kindLabel: '复检', state: 'booked' })
  await request(core.url)
    .post(`/sandbox/workorders/inspections/${booked.next?.inspectionId}/complete`)
    .send({ result: 'pass' })
    .expect(200)

  const after = (await me.get('/inspections').expect(200)).body as Inspections
  expect(after.supply).toBe('restored')
  expect(after.last).toMatchObject({ kindLabel: '复检', state: 'passed', supplyRestored: true })
  const account = (await me.get('').expect(200)).body as { status: string }
  expect(account.status).toBe('active')

  const created = await me.send('post', '/recharges', { amountFen: 5000, channel: 'h5' })
  expect(created.status).toBe(201)
  const orderNo = created.body.orderNo as string
  await request(core.url).post(`/sandbox/payments/${orderNo}/pay`).send({}).expect(200)
  await eventually(async () => {
    const ledger = (await request(core.url).get(`/sandbox/ledger?accountNo=${SUSPENDED}`)).body
    expect(ledger.credits).toHaveLength(1)
  })
  await request(core.url).post('/sandbox/clock').send({ advanceMs: 120_000 }).expect(200)
  await eventually(async () => {
    expect((await me.get(`/recharges/${orderNo}`)).body.state).toBe('CREDITED')
  })
}, 30_000)

test('when a resident answers with a young rubber hose and no flame-out protection, then the risks say why, and once the hose passes 18 months they are reminded once', async () => {
  const me = await residentOf(HOME)
  const blank = (await me.get('/self-check').expect(200)).body as SelfCheck
  expect(blank.answers).toBeNull()
  expect(blank.asks.stove).toBe(true)
  const month = (await request(core.url).get('/sandbox/clock').expect(200)).body.now.slice(0, 7)
  const answers: SelfCheckAnswers = {
    alarm: { present: true, working: 'yes', installedOn: month },
    hose: { type: 'rubber', installedOn: month },
    stove: { flameFailure: 'no' },
    waterHeater: blank.asks.waterHeater ? { venting: 'forced' } : null,
  }
  const saved = (await me.send('put', '/self-check', answers).expect(200)).body as SelfCheck
  expect(saved.risks.map((r) => r.title)).toEqual(['正在使用橡胶软管', '灶具没有熄火保护'])
  expect(saved.risks[1]?.why).toContain('燃气会一直漏出来')
  expect(saved.suggestInspection).toBe(true)
  expect(saved.serviceLife.find((s) => s.item === 'hose')).toMatchObject({ due: false })
  expect((await me.get('/self-check').expect(200)).body.answers).toEqual(answers)

  await remind()
  expect((await me.inbox()).filter((m) => m.type === 'service_life_due')).toHaveLength(0)

  await request(core.url)
    .post('/sandbox/clock')
    .send({ advanceMs: 19 * 31 * 86_400_000 })
    .expect(200)
  await remind()
  await remind()
  const due = (await me.inbox()).filter((m) => m.type === 'service_life_due')
  expect(due.map((m) => m.title)).toEqual(['橡胶软管到期提醒'])
  const later = (await me.get('/self-check').expect(200)).body as SelfCheck
  expect(later.risks[0]?.title).toBe('橡胶软管已超过18个月或不清楚安装时间')
}, 30_000)
