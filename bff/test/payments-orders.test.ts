import { randomUUID } from 'node:crypto'
import request from 'supertest'
import { UserIdentity } from '../src/auth/user-entity'
import { OrderTransitionRow } from '../src/payments/order-entity'
import { startBff, type TestBff } from './harness'
import { fastPayments, paymentFakes, testAccounts, type PaymentFakes } from './payment-fakes'

let bff: TestBff
let fakes: PaymentFakes
let token: string
let userId: string

beforeAll(async () => {
  fakes = paymentFakes()
  bff = await startBff({
    ports: { payments: fakes.ports },
    // These tests share a few accounts and leave unpaid orders open; the cap has its own file.
    payments: { ...fastPayments, maxOpenOrdersPerAccount: 100 },
  })
  ;({ token, userId } = await bff.login())
  for (const accountNo of Object.values(testAccounts)) await bff.bind(userId, accountNo)
})
afterAll(async () => {
  await bff.close()
})

const key = () => `k-${randomUUID()}`

function create(
  accountNo: string,
  body: object,
  idempotencyKey = key(),
  what: 'recharges' | 'payments' = 'recharges',
) {
  return request(bff.url)
    .post(`/api/v1/accounts/${accountNo}/${what}`)
    .set('authorization', `Bearer ${token}`)
    .set('idempotency-key', idempotencyKey)
    .send(body)
}

function get(path: string) {
  return request(bff.url).get(`/api/v1${path}`).set('authorization', `Bearer ${token}`)
}

describe('creating a top-up', () => {
  test('when an IoT account tops up 100 元 through the cashier, then a paying order with the cashier URL answers', async () => {
    const res = await create(testAccounts.iot, { amountFen: 10000, channel: 'h5' })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      accountNo: testAccounts.iot,
      purpose: 'recharge',
      amountFen: 10000,
      state: 'PAYING',
      stateLabel: '待支付',
      clientParams: { kind: 'h5', cashierUrl: expect.stringContaining(res.body.orderNo) },
    })
    expect(res.body.orderNo).toMatch(/^[A-Za-z0-9_-]{1,32}$/)
    expect(res.body.createdAt).toMatch(/\+08:00$/)
    expect(res.body.hint).toMatch(/前完成支付/)
    expect(fakes.wechatpay.trades.get(res.body.orderNo)?.request.amountFen).toBe(10000)
  })

  test('when the same Idempotency-Key is sent twice, then the same order answers and one provider order exists', async () => {
    const k = key()
    const first = await create(testAccounts.iot, { amountFen: 5000, channel: 'h5' }, k)
    const again = await create(testAccounts.iot, { amountFen: 5000, channel: 'h5' }, k)
    expect(again.status).toBe(201)
    expect(again.body.orderNo).toBe(first.body.orderNo)
    const mine = [...fakes.wechatpay.trades.keys()].filter((n) => n === first.body.orderNo)
    expect(mine).toHaveLength(1)
  })

  test('when a key is sent again after its order was closed, then the order answers as it is now', async () => {
    const k = key()
    const first = await create(testAccounts.iot, { amountFen: 6000, channel: 'h5' }, k)
    const closed = await request(bff.url)
      .post(`/api/v1/accounts/${testAccounts.iot}/recharges/${first.body.orderNo}/close`)
      .set('authorization', `Bearer ${token}`)
      .set('idempotency-key', key())
    expect(closed.body.state).toBe('CLOSED')
    const again = await create(testAccounts.iot, { amountFen: 6000, channel: 'h5' }, k)
    expect(again.status).toBe(201)
    expect(again.body).toMatchObject({ orderNo: first.body.orderNo, state: 'CLOSED' })
    const changed = await create(testAccounts.iot, { amountFen: 7000, channel: 'h5' }, k)
    expect(changed.status).toBe(422)
    expect(changed.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED')
  })

  test('when the same key is sent five times at once, then all five get the one order', async () => {
    const k = key()
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        create(testAccounts.iot, { amountFen: 3000, channel: 'h5' }, k),
      ),
    )
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201])
    expect(new Set(answers.map((a) => a.body.orderNo)).size).toBe(1)
    expect(
      [...fakes.wechatpay.trades.keys()].filter((n) => n === answers[0]?.body.orderNo),
    ).toEqual([answers[0]?.body.orderNo])
  })

  test('when the order is paid in WeChat, then the requestPayment parameters are returned for the user’s openid', async () => {
    await bff.container.db.getRepository(UserIdentity).insert({
      id: randomUUID(),
      userId,
      provider: 'wechat',
      subject: 'o-openid-1',
      createdAt: new Date(),
    })
    const res = await create(testAccounts.iot, { amountFen: 5000, channel: 'wechat' })
    expect(res.status).toBe(201)
    expect(res.body.clientParams).toMatchObject({ kind: 'wechat', signType: 'RSA' })
    expect(res.body.clientParams.package).toMatch(/^prepay_id=/)
    expect(fakes.wechatpay.trades.get(res.body.orderNo)?.request.payerId).toBe('o-openid-1')
  })

  test('when Alipay is chosen by a user without an Alipay login, then it is refused in Chinese', async () => {
    const res = await create(testAccounts.iot, { amountFen: 5000, channel: 'alipay' })
    expect(res.status).toBe(422)
    expect(res.body.error.message).toBe('请在支付宝中打开小程序完成支付')
  })

  test('when the account is suspended, then the top-up is refused with the reason and no order exists', async () => {
    const res = await create(testAccounts.suspended, { amountFen: 5000, channel: 'h5' })
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('PAYMENT_REFUSED')
    expect(res.body.error.message).toMatch(/停止供气/)
    const list = await get(`/accounts/${testAccounts.suspended}/recharges`)
    expect(list.body.orders).toEqual([])
  })

  test('when the amount is above the per-order maximum, then it is refused naming the maximum', async () => {
    const res = await create(testAccounts.iot, { amountFen: 100001, channel: 'h5' })
    expect(res.status).toBe(422)
    expect(res.body.error.message).toBe('单笔充值不能超过¥1,000.00')
  })

  test('when the account owes 80 元, then the order records that 80 元 of it settles the debt', async () => {
    const res = await create(testAccounts.owing, { amountFen: 10000, channel: 'h5' })
    expect(res.status).toBe(201)
    expect(res.body.toArrearsFen).toBe(8000)
  })

  test('when today’s top-ups reach the daily limit, then the next one is refused naming what is left', async () => {
    const accountNo = '1000000012'
    const base = await fakes.accounts.facts(testAccounts.iot)
    if (!base) throw new Error('no base account')
    const limits = { ...base.limits, maxPerDayFen: 15000 }
    fakes.accounts.accounts.set(accountNo, { ...base, limits })
    await bff.bind(userId, accountNo)
    expect((await create(accountNo, { amountFen: 10000, channel: 'h5' })).status).toBe(201)
    const res = await create(accountNo, { amountFen: 10000, channel: 'h5' })
    expect(res.status).toBe(422)
    expect(res.body.error.message).toBe('今日还可充值¥50.00（每日上限¥150.00）')
  })

  test('when ten top-ups race past the daily limit at once, then only what the limit allows is accepted', async () => {
    const accountNo = '1000000013'
    const base = await fakes.accounts.facts(testAccounts.iot)
    if (!base) throw new Error('no base account')
    fakes.accounts.accounts.set(accountNo, {
      ...base,
      limits: { ...base.limits, maxPerDayFen: 30000 },
    })
    await bff.bind(userId, accountNo)
    const results = await Promise.all(
      Array.from({ length: 10 }, () => create(accountNo, { amountFen: 10000, channel: 'h5' })),
    )
    const statuses = results.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(3)
    expect(statuses.filter((s) => s !== 201 && s !== 422 && s !== 409)).toEqual([])
    const list = await get(`/accounts/${accountNo}/recharges`)
    expect(list.body.orders).toHaveLength(3)
  })

  test('when no Idempotency-Key is sent, then 400 IDEMPOTENCY_KEY_REQUIRED', async () => {
    const res = await request(bff.url)
      .post(`/api/v1/accounts/${testAccounts.iot}/recharges`)
      .set('authorization', `Bearer ${token}`)
      .send({ amountFen: 5000, channel: 'h5' })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED')
  })
})

describe('bill payment and options', () => {
  test('when a postpaid bill of 123.45 元 is paid, then the order is a bill payment listed under payments only', async () => {
    const res = await create(
      testAccounts.postpaid,
      { amountFen: 12345, channel: 'h5' },
      key(),
      'payments',
    )
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ purpose: 'bill', toArrearsFen: 12345 })
    const bills = await get(`/accounts/${testAccounts.postpaid}/payments`)
    expect(bills.body.orders.map((o: { orderNo: string }) => o.orderNo)).toContain(res.body.orderNo)
    const topUps = await get(`/accounts/${testAccounts.postpaid}/recharges/${res.body.orderNo}`)
    expect(topUps.status).toBe(404)
  })

  test('when the options are read, then presets carry 约可用天数 and the bill shows what is owed', async () => {
    const iot = await get(`/accounts/${testAccounts.iot}/payment-options`)
    expect(iot.status).toBe(200)
    expect(iot.body.recharge.presets[1]).toEqual({ amountFen: 10000, allowed: true, daysOfGas: 27 })
    expect(iot.body.daysOfGasNow).toBe(6)
    const postpaid = await get(`/accounts/${testAccounts.postpaid}/payment-options`)
    expect(postpaid.body.bill).toEqual({ owedFen: 12345, refusal: null })
    expect(postpaid.body.recharge.refusal).toMatch(/后付费/)
  })
})

describe('reading orders', () => {
  test('when an order is read, then its timeline starts at 已下单 and shows the steps ahead', async () => {
    const created = await create(testAccounts.iot, { amountFen: 5000, channel: 'h5' })
    const res = await get(`/accounts/${testAccounts.iot}/recharges/${created.body.orderNo}`)
    expect(res.status).toBe(200)
    expect(
      res.body.timeline.map((s: { label: string; done: boolean }) => [s.label, s.done]),
    ).toEqual([
      ['已下单', true],
      ['已支付', false],
      ['已发往气表', false],
      ['气表已到账', false],
    ])
    expect(res.body.timeline[0].at).toMatch(/\+08:00$/)
  })

  test('when an order of another account is asked for through a bound account, then 404', async () => {
    const created = await create(testAccounts.iot, { amountFen: 5000, channel: 'h5' })
    const res = await get(`/accounts/${testAccounts.ic}/recharges/${created.body.orderNo}`)
    expect(res.status).toBe(404)
  })

  test('when an order is created, then its transitions are in SQL with cause and time', async () => {
    const created = await create(testAccounts.iot, { amountFen: 5000, channel: 'h5' })
    const order = await bff.container.payments.orders.findByOutTradeNo(created.body.orderNo)
    const rows = await bff.container.db
      .getRepository(OrderTransitionRow)
      .find({ where: { orderId: order?.id }, order: { at: 'ASC' } })
    expect(rows.map((r) => [r.fromState, r.toState, r.cause])).toEqual([
      [null, 'CREATED', 'created'],
      ['CREATED', 'PAYING', 'provider_order'],
    ])
  })
})

describe('closing after the payer cancels', () => {
  const close = (accountNo: string, orderNo: string, what = 'recharges') =>
    request(bff.url)
      .post(`/api/v1/accounts/${accountNo}/${what}/${orderNo}/close`)
      .set('authorization', `Bearer ${token}`)
      .set('idempotency-key', key())

  test('when an unpaid order is closed, then it is closed at the provider and here, and closing again changes nothing', async () => {
    const created = await create(testAccounts.iot, { amountFen: 5000, channel: 'h5' })
    const orderNo: string = created.body.orderNo
    const res = await close(testAccounts.iot, orderNo)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ state: 'CLOSED', stateLabel: '已关闭', clientParams: null })
    expect(res.body.hint).toContain('未扣款')
    expect(fakes.wechatpay.trades.get(orderNo)?.status).toBe('closed')
    expect(fakes.wechatpay.pay(orderNo)).toBe(false)
    const again = await close(testAccounts.iot, orderNo)
    expect(again.body.state).toBe('CLOSED')
    expect(again.body.timeline.filter((s: { state: string }) => s.state === 'CLOSED')).toHaveLength(
      1,
    )
  })

  test('when the payment beat the close, then the order is kept as paid and not closed', async () => {
    const created = await create(testAccounts.iot, { amountFen: 6000, channel: 'h5' })
    const orderNo: string = created.body.orderNo
    expect(fakes.wechatpay.pay(orderNo)).toBe(true)
    const res = await close(testAccounts.iot, orderNo)
    expect(res.status).toBe(201)
    expect(['PAID', 'CREDITING', 'CREDITED']).toContain(res.body.state)
    expect(fakes.wechatpay.trades.get(orderNo)?.status).toBe('paid')
  })

  test('when a bill-payment order number is closed as a top-up, then 404 and it stays open', async () => {
    const created = await create(
      testAccounts.postpaid,
      { amountFen: 12345, channel: 'h5' },
      key(),
      'payments',
    )
    const res = await close(testAccounts.postpaid, created.body.orderNo)
    expect(res.status).toBe(404)
    const read = await get(`/accounts/${testAccounts.postpaid}/payments/${created.body.orderNo}`)
    expect(read.body.state).toBe('PAYING')
  })
})

describe('the notification receivers', () => {
  test('when a WeChat Pay notification has a bad signature, then 401 {code:FAIL} and nothing changes', async () => {
    const created = await create(testAccounts.iot, { amountFen: 5000, channel: 'h5' })
    fakes.wechatpay.pay(created.body.orderNo)
    const n = fakes.wechatpay.tradeNotification(created.body.orderNo)
    const res = await request(bff.url)
      .post('/api/v1/notify/wechatpay')
      .set({ ...n.headers, 'x-fake-signature': Buffer.alloc(32).toString('base64') })
      .send(n.body.toString('utf8'))
    expect(res.status).toBe(401)
    expect(res.body).toEqual({ code: 'FAIL', message: '签名验证失败' })
    const order = await bff.container.payments.orders.findByOutTradeNo(created.body.orderNo)
    expect(order?.state).toBe('PAYING')
  })

  test('when the body is re-serialised JSON (whitespace changed), then the signature no longer verifies', async () => {
    const created = await create(testAccounts.iot, { amountFen: 5000, channel: 'h5' })
    fakes.wechatpay.pay(created.body.orderNo)
    const n = fakes.wechatpay.tradeNotification(created.body.orderNo)
    const spaced = JSON.stringify(JSON.parse(n.body.toString()), null, 1)
    const res = await request(bff.url).post('/api/v1/notify/wechatpay').set(n.headers).send(spaced)
    expect(res.status).toBe(401)
  })

  test('when the openapi document is read, then both receivers are in it as platform-signature routes', async () => {
    const res = await request(bff.url).get('/api/v1/openapi.json')
    expect(res.body.paths['/api/v1/notify/wechatpay'].post['x-auth']).toBe('platform-signature')
    expect(res.body.paths['/api/v1/notify/alipay'].post['x-auth']).toBe('platform-signature')
    const create = res.body.paths['/api/v1/accounts/{accountNo}/recharges'].post
    expect(create['x-idempotency-key']).toBe(true)
    expect(create['x-idempotency-replay']).toBe('resource')
  })
})
