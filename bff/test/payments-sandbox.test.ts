import { randomUUID } from 'node:crypto'
import request from 'supertest'
import { startCoreSandbox, type CoreSandbox } from './core-sandbox'
import { startBff, type TestBff } from './harness'
import { randomNamespace } from './auth-fakes'
import { eventually } from './payment-fakes'
import { notifiedPayments, startFrontDoor, type FrontDoor } from './sandbox-payments-helpers'

/**
 * The production payment adapters (WeChat Pay v3, billing, meters) against the in-process core
 * sandbox: only the keys come from its GET /sandbox/credentials, as in development.
 */
let sandboxUrl: string
let coreSandbox: CoreSandbox
let bff: TestBff
let token: string
/** The sandbox must know where to notify before the BFF has its port: a stable front door. */
let front: FrontDoor

const IOT = '1000000001'

beforeAll(async () => {
  coreSandbox = await startCoreSandbox('payments-sandbox')
  sandboxUrl = coreSandbox.url
  front = await startFrontDoor()
  bff = await startBff({
    upstreamUrl: sandboxUrl,
    now: coreSandbox.now,
    env: { RATE_LIMIT_NAMESPACE: randomNamespace(), PUBLIC_BASE_URL: front.url },
    payments: notifiedPayments,
  })
  front.route(bff.url)
  const session = await bff.login()
  token = session.token
  await bff.bind(session.userId, IOT)
}, 30_000)
afterAll(async () => {
  await bff?.close()
  await front?.close()
  await coreSandbox?.close()
})

const api = () => request(bff.url)
const core = () => request(sandboxUrl)

function getOrder(orderNo: string) {
  return api()
    .get(`/api/v1/accounts/${IOT}/recharges/${orderNo}`)
    .set('authorization', `Bearer ${token}`)
}

test('when an IoT resident tops up 50 元 through the H5 cashier and pays, then the meter is credited exactly once and the order ends CREDITED', async () => {
  const created = await api()
    .post(`/api/v1/accounts/${IOT}/recharges`)
    .set('authorization', `Bearer ${token}`)
    .set('idempotency-key', `k-${randomUUID()}`)
    .send({ amountFen: 5000, channel: 'h5' })
  expect(created.status).toBe(201)
  const orderNo = created.body.orderNo as string
  const cashierUrl = new URL(created.body.clientParams.cashierUrl as string)
  expect(cashierUrl.origin + cashierUrl.pathname).toBe(`${sandboxUrl}/cashier/${orderNo}`)
  // The cashier sends the payer back to this order's page, with the account it belongs to.
  const back = new URL(cashierUrl.searchParams.get('return') ?? '', 'http://x')
  const backQuery = new URLSearchParams(back.hash.split('?')[1])
  expect(back.hash.split('?')[0]).toBe('#/pages/orders/detail')
  expect(Object.fromEntries(backQuery)).toEqual({ orderNo, accountNo: IOT, purpose: 'recharge' })
  const page = await core().get(cashierUrl.pathname + cashierUrl.search)
  expect(page.status).toBe(200)

  const paid = await core().post(`/sandbox/payments/${orderNo}/pay`).send({})
  expect(paid.status).toBe(200)

  // The signed, encrypted TRANSACTION.SUCCESS reaches the BFF; crediting sends the meter credit.
  await eventually(async () => {
    const ledger = (await core().get(`/sandbox/ledger?accountNo=${IOT}`)).body
    expect(ledger.credits).toHaveLength(1)
  })
  const midway = (await getOrder(orderNo)).body
  expect(midway.state).toBe('CREDITING')
  const notices = (await core().get(`/sandbox/notifications?outTradeNo=${orderNo}`)).body.items
  expect(notices).toEqual([expect.objectContaining({ provider: 'wechatpay', state: 'delivered' })])
  expect(notices[0].attempts[0]).toMatchObject({ status: 204, accepted: true })

  await core().post('/sandbox/clock').send({ advanceMs: 120_000 }).expect(200)
  await eventually(async () => {
    expect((await getOrder(orderNo)).body.state).toBe('CREDITED')
  })

  const ledger = (await core().get(`/sandbox/ledger?accountNo=${IOT}`)).body
  expect(ledger.postings).toHaveLength(1)
  expect(ledger.postings[0]).toMatchObject({ paymentId: expect.any(String), amountFen: 5000 })
  expect(ledger.credits).toHaveLength(1)
  expect(ledger.credits[0]).toMatchObject({ amountFen: 5000, status: 'applied' })
  expect(ledger.refunds).toHaveLength(0)
}, 30_000)

test('when a WeChat resident’s top-up is credited, then one 缴费结果通知 subscription message reaches them with the masked account', async () => {
  const login = await api().post('/api/v1/auth/wechat').send({ code: 'sandbox-notice' })
  expect(login.status).toBe(201)
  const wxToken = login.body.token as string
  await bff.bind(login.body.user.id as string, IOT)
  const created = await api()
    .post(`/api/v1/accounts/${IOT}/recharges`)
    .set('authorization', `Bearer ${wxToken}`)
    .set('idempotency-key', `k-${randomUUID()}`)
    .send({ amountFen: 2000, channel: 'h5' })
  expect(created.status).toBe(201)
  const orderNo = created.body.orderNo as string
  const before = (await core().get(`/sandbox/ledger?accountNo=${IOT}`)).body
  await core().post(`/sandbox/payments/${orderNo}/pay`).send({}).expect(200)
  // The meter credit is out (and due on the sandbox clock) before the clock moves.
  await eventually(async () => {
    const ledger = (await core().get(`/sandbox/ledger?accountNo=${IOT}`)).body
    expect(ledger.credits).toHaveLength(before.credits.length + 1)
  })
  await core().post('/sandbox/clock').send({ advanceMs: 120_000 }).expect(200)
  await eventually(async () => {
    expect((await getOrder(orderNo)).body.state).toBe('CREDITED')
  })

  const { openid } = await bff.container.users
    .identitiesOf(login.body.user.id as string)
    .then((ids) => ({ openid: ids.find((i) => i.provider === 'wechat')?.subject }))
  expect(openid).toBeDefined()
  const messages = async () =>
    (await core().get(`/sandbox/subscribe-messages?openid=${openid}`)).body.items
  await eventually(async () => expect(await messages()).toHaveLength(1))
  const mine = await messages()
  expect(mine[0]).toMatchObject({
    templateId: 'sandbox-order-settled',
    page: `pages/orders/detail?accountNo=${IOT}&orderNo=${orderNo}&purpose=recharge`,
    data: {
      thing1: { value: '燃气充值' },
      amount2: { value: '¥20.00' },
      phrase3: { value: '已到账' },
      character_string4: { value: '100****001' },
    },
  })
}, 30_000)
