import { randomUUID } from 'node:crypto'
import { Writable } from 'node:stream'
import pino from 'pino'
import request from 'supertest'
import { startCoreSandbox, type CoreSandbox } from './core-sandbox'
import { freshPostgres, startBff, type TestBff } from './harness'
import { idemKey, randomNamespace, randomPhone } from './auth-fakes'
import { eventually } from './payment-fakes'
import { notifiedPayments, startFrontDoor, type FrontDoor } from './sandbox-payments-helpers'

/*
 * Past one machine: two web instances behind one load balancer and one worker, sharing one
 * PostgreSQL database and one Redis, against the core sandbox. Nothing a resident does may
 * depend on which instance answers.
 */

const IOT = '1000000001'
let coreSandbox: CoreSandbox
let webA: TestBff
let webB: TestBff
let worker: TestBff
/** The providers' notify_url: forwards to web B, so a payment made on A is notified to B. */
let front: FrontDoor
const sandboxLog: string[] = []

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      sandboxLog.push(chunk.toString('utf8'))
      cb()
    },
  })
  coreSandbox = await startCoreSandbox('two-instances', {}, pino({ level: 'info' }, sink))
  await request(coreSandbox.url).post('/sandbox/meters/settings').send({ confirmDelayMs: 0 })
  front = await startFrontDoor()
  const common = {
    upstreamUrl: coreSandbox.url,
    now: coreSandbox.now,
    databaseUrl: await freshPostgres(),
    env: {
      RATE_LIMIT_NAMESPACE: randomNamespace(),
      PUBLIC_BASE_URL: front.url,
    },
    payments: notifiedPayments,
  }
  worker = await startBff(common)
  ;[webA, webB] = await Promise.all([
    startBff({ ...common, workers: false }),
    startBff({ ...common, workers: false }),
  ])
  front.route(webB.url)
}, 60_000)
afterAll(async () => {
  await Promise.all([webA, webB, worker].map((instance) => instance?.close()))
  await front?.close()
  await coreSandbox?.close()
})

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

async function smsCodeOf(phone: string): Promise<string> {
  const inbox = await request(coreSandbox.url).get(`/sandbox/sms?phone=${phone}`).expect(200)
  return inbox.body.items[0].code as string
}

/** The count of one labelled series on an instance's /metrics page (0 when absent). */
async function metric(instance: TestBff, series: string): Promise<number> {
  const page = (await request(instance.url).get('/metrics').expect(200)).text
  const line = page.split('\n').find((l) => l.startsWith(`${series} `))
  return line ? Number(line.slice(series.length + 1)) : 0
}

test('when a resident logs in on A, then B knows the session, and a refresh on B works on A', async () => {
  const phone = randomPhone()
  await request(webA.url)
    .post('/api/v1/auth/sms/send')
    .set('idempotency-key', idemKey())
    .send({ phone })
    .expect(201)
  const login = await request(webA.url)
    .post('/api/v1/auth/sms/verify')
    .send({ phone, code: await smsCodeOf(phone) })
  expect(login.status).toBe(201)
  const me = await request(webB.url)
    .get('/api/v1/me')
    .set(bearer(login.body.token as string))
  expect(me.status).toBe(200)
  expect(me.body.id).toBe(login.body.user.id)

  const refreshed = await request(webB.url)
    .post('/api/v1/auth/refresh')
    .set(bearer(login.body.token as string))
    .send({})
  expect(refreshed.status).toBe(201)
  const onA = await request(webA.url)
    .get('/api/v1/me')
    .set(bearer(refreshed.body.token as string))
  expect(onA.status).toBe(200)
})

test('when a code was just sent through A, then asking again through B is refused as too soon', async () => {
  const phone = randomPhone()
  const send = (instance: TestBff) =>
    request(instance.url)
      .post('/api/v1/auth/sms/send')
      .set('idempotency-key', idemKey())
      .send({ phone })
  expect((await send(webA)).status).toBe(201)
  const again = await send(webB)
  expect(again.status).toBe(429)
})

test('when a request carries an X-Request-Id, then the sandbox receives and logs the same id', async () => {
  const { token, userId } = await webA.login()
  await webA.bind(userId, IOT)
  const requestId = `trace-${randomUUID()}`
  const res = await request(webB.url)
    .get(`/api/v1/accounts/${IOT}/payment-options`)
    .set(bearer(token))
    .set('x-request-id', requestId)
  expect(res.status).toBe(200)
  expect(res.headers['x-request-id']).toBe(requestId)
  const lines = sandboxLog.filter((line) => line.includes(requestId))
  expect(lines.length).toBeGreaterThan(0)
  expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ msg: 'request', requestId })
})

test('when a top-up is made on A, replayed on B, paid and notified to B, then the worker credits it once and its metrics show it', async () => {
  const { token, userId } = await webA.login()
  await webA.bind(userId, IOT)
  const key = `k-${randomUUID()}`
  const create = (instance: TestBff) =>
    request(instance.url)
      .post(`/api/v1/accounts/${IOT}/recharges`)
      .set(bearer(token))
      .set('idempotency-key', key)
      .send({ amountFen: 2000, channel: 'h5' })
  const created = await create(webA)
  expect(created.status).toBe(201)
  const replayed = await create(webB)
  expect(replayed.status).toBe(201)
  expect(replayed.body).toEqual(created.body)
  const orderNo = created.body.orderNo as string

  await request(coreSandbox.url).post(`/sandbox/payments/${orderNo}/pay`).send({}).expect(200)
  const read = () =>
    request(webA.url).get(`/api/v1/accounts/${IOT}/recharges/${orderNo}`).set(bearer(token))
  await eventually(async () => {
    expect((await read()).body.state).toBe('CREDITED')
  }, 15_000)

  const notices = await request(coreSandbox.url).get(`/sandbox/notifications?outTradeNo=${orderNo}`)
  expect(notices.body.items[0].attempts[0]).toMatchObject({ status: 204, accepted: true })
  const ledger = (await request(coreSandbox.url).get(`/sandbox/ledger?accountNo=${IOT}`)).body
  const order = await webA.container.payments.orders.findByOutTradeNo(orderNo)
  expect(ledger.credits.filter((c: { creditId: string }) => c.creditId === order?.id)).toHaveLength(
    1,
  )

  // B took the notification; the worker, and only the worker, credited it.
  const credited = 'bff_payment_order_transitions_total{to_state="CREDITED"}'
  expect(await metric(worker, credited)).toBe(1)
  expect(await metric(webA, credited)).toBe(0)
  expect(await metric(webB, credited)).toBe(0)
  expect(await metric(webB, 'bff_payment_order_transitions_total{to_state="PAID"}')).toBe(1)
  // The worker's business gauges: nothing stuck, nothing left for a person.
  expect(await metric(worker, 'bff_payment_orders{state="PAID"}')).toBe(0)
  expect(await metric(worker, 'bff_payment_orders{state="CREDITING"}')).toBe(0)
  expect(await metric(worker, 'bff_reconciliation_open_findings')).toBe(0)
  const page = (await request(worker.url).get('/metrics')).text
  expect(page).toMatch(/^bff_queue_jobs\{queue="[^"]+-settle",state="failed"\} 0$/m)
  expect(page).not.toContain(IOT)
  expect(page).not.toContain(userId)
}, 30_000)
