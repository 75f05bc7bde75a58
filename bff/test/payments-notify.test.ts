import { randomUUID } from 'node:crypto'
import request from 'supertest'
import { UserIdentity } from '../src/auth/user-entity'
import { OrderTransitionRow } from '../src/payments/order-entity'
import { eventually, testAccounts } from './payment-fakes'
import { PaymentScenario } from './payment-scenario'

const iot = testAccounts.iot

describe('with two BFF instances on one database and Redis', () => {
  let s: PaymentScenario

  beforeAll(async () => {
    s = await PaymentScenario.start({}, 2)
    await s.bind(iot)
  })
  afterAll(() => s.close())

  test('when the same notification is delivered 20 times at once to two instances, then the order is paid and credited exactly once', async () => {
    const orderNo = await s.topUp(iot, 10000)
    s.fakes.wechatpay.pay(orderNo)
    const n = s.fakes.wechatpay.tradeNotification(orderNo)
    const [a, b] = s.instances
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => s.notify(n, i % 2 === 0 ? a : b)),
    )
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(204))

    const order = await s.reaches(orderNo, 'CREDITED')
    expect(s.fakes.billing.creditsByKey(order.id)).toBe(1)
    expect(s.fakes.wechatpay.refundsOf(orderNo)).toEqual([])
    const paidRows = await s.bff.container.db
      .getRepository(OrderTransitionRow)
      .countBy({ orderId: order.id, toState: 'PAID' })
    expect(paidRows).toBe(1)
    expect(await s.path(orderNo)).toEqual(['CREATED', 'PAYING', 'PAID', 'CREDITING', 'CREDITED'])
    await eventually(() => expect(s.noticesOf(orderNo)).toEqual(['CREDITED']))
    expect(await s.timeline(iot, orderNo)).toEqual(['已下单', '已支付', '已发往气表', '气表已到账'])
  })

  test('when notifications arrive out of order (a stale unpaid one and a closed one after paid), then nothing goes backwards', async () => {
    const orderNo = await s.topUp(iot, 5000)
    const stale = s.fakes.wechatpay.tradeNotification(orderNo)
    s.fakes.wechatpay.pay(orderNo)
    const paid = s.fakes.wechatpay.tradeNotification(orderNo)
    const closed = s.fakes.wechatpay.signed({
      kind: 'trade',
      outTradeNo: orderNo,
      status: 'closed',
      paidFen: null,
      transactionId: null,
      paidAt: null,
    })
    expect((await s.notify(paid)).status).toBe(204)
    const order = await s.reaches(orderNo, 'CREDITED')
    for (const late of [stale, closed, paid]) expect((await s.notify(late)).status).toBe(204)

    expect((await s.order(orderNo)).state).toBe('CREDITED')
    expect(s.fakes.billing.creditsByKey(order.id)).toBe(1)
    expect(await s.path(orderNo)).toEqual(['CREATED', 'PAYING', 'PAID', 'CREDITING', 'CREDITED'])
  })

  test('when the notification is lost, then polling the provider finds the payment and the order is credited', async () => {
    const orderNo = await s.topUp(iot, 5000)
    s.fakes.wechatpay.failQueries = 2
    s.fakes.wechatpay.pay(orderNo)
    const order = await s.reaches(orderNo, 'CREDITED')
    expect(s.fakes.billing.creditsByKey(order.id)).toBe(1)
    const paid = await s.bff.container.db
      .getRepository(OrderTransitionRow)
      .findOneByOrFail({ orderId: order.id, toState: 'PAID' })
    expect(paid.cause).toBe('paid_query')
  })

  test('when the notification then arrives after polling applied the payment, then it changes nothing', async () => {
    const orderNo = await s.topUp(iot, 5000)
    s.fakes.wechatpay.pay(orderNo)
    const order = await s.reaches(orderNo, 'CREDITED')
    const version = order.version
    expect((await s.notify(s.fakes.wechatpay.tradeNotification(orderNo))).status).toBe(204)
    expect((await s.order(orderNo)).version).toBe(version)
  })

  test('when a notification comes through Alipay, then it is verified on the raw form body and answered "success"', async () => {
    await s.bff.container.db.getRepository(UserIdentity).insert({
      id: randomUUID(),
      userId: s.userId,
      provider: 'alipay',
      subject: '2088000000000001',
      createdAt: new Date(),
    })
    const created = await request(s.bff.url)
      .post(`/api/v1/accounts/${iot}/recharges`)
      .set('authorization', `Bearer ${s.token}`)
      .set('idempotency-key', `k-${randomUUID()}`)
      .send({ amountFen: 5000, channel: 'alipay' })
    expect(created.body.clientParams).toMatchObject({ kind: 'alipay' })
    const orderNo = created.body.orderNo as string
    s.fakes.alipay.pay(orderNo)
    const n = s.fakes.alipay.tradeNotification(orderNo)
    const res = await s.notify(
      { ...n, headers: { ...n.headers, 'content-type': 'application/x-www-form-urlencoded' } },
      s.bff,
      'alipay',
    )
    expect(res.status).toBe(200)
    expect(res.text).toBe('success')
    await s.reaches(orderNo, 'CREDITED')
  })

  test('when an Alipay notification is forged, then the answer is not "success" so Alipay retries', async () => {
    const n = s.fakes.alipay.signed({
      kind: 'trade',
      outTradeNo: 'GHNOPE',
      status: 'paid',
      paidFen: 1,
      transactionId: 'x',
      paidAt: null,
    })
    const res = await s.notify(
      { ...n, body: Buffer.from(n.body.toString().replace('1', '2')) },
      s.bff,
      'alipay',
    )
    expect(res.text).toBe('fail')
  })
})

describe('when nobody pays', () => {
  let s: PaymentScenario

  beforeAll(async () => {
    s = await PaymentScenario.start({ orderTtlMs: 600 })
    await s.bind(iot)
  })
  afterAll(() => s.close())

  test('when time_expire passes unpaid, then the order is closed at the provider and here, and can no longer be paid', async () => {
    const orderNo = await s.topUp(iot, 5000)
    await s.reaches(orderNo, 'CLOSED')
    expect(s.fakes.wechatpay.trades.get(orderNo)?.status).toBe('closed')
    expect(s.fakes.wechatpay.pay(orderNo)).toBe(false)
    expect(await s.timeline(iot, orderNo)).toEqual(['已下单', '已关闭'])
    expect(s.fakes.billing.ledger.filter((e) => e.accountNo === iot)).toEqual([])
  })
})
