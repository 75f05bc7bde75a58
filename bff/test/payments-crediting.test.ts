import { eventually, testAccounts } from './payment-fakes'
import { PaymentScenario } from './payment-scenario'

const { iot, ic, postpaid } = testAccounts

async function paidAndNotified(s: PaymentScenario, accountNo: string, amountFen = 10000) {
  const orderNo = await s.topUp(accountNo, amountFen)
  s.fakes.wechatpay.pay(orderNo)
  expect((await s.notify(s.fakes.wechatpay.tradeNotification(orderNo))).status).toBe(204)
  return orderNo
}

describe('crediting', () => {
  let s: PaymentScenario

  beforeAll(async () => {
    s = await PaymentScenario.start({ creditDeadlineMs: 60_000 })
    for (const accountNo of [iot, ic, postpaid]) await s.bind(accountNo)
  })
  afterAll(() => s.close())

  test('when billing fails 5 times and then recovers, then the order is credited once with the same key', async () => {
    s.fakes.billing.failNext = 5
    const orderNo = await paidAndNotified(s, iot)
    const order = await s.reaches(orderNo, 'CREDITED')
    expect(s.fakes.billing.failNext).toBe(0)
    expect(s.fakes.billing.creditsByKey(order.id)).toBe(1)
    expect(s.fakes.wechatpay.refundsOf(orderNo)).toEqual([])
    expect(await s.path(orderNo)).toEqual(['CREATED', 'PAYING', 'PAID', 'CREDITING', 'CREDITED'])
  })

  test('when the meter is offline for a while and comes back in time, then the credit arrives and nothing is refunded', async () => {
    s.fakes.billing.offlineMeters.add(iot)
    const orderNo = await paidAndNotified(s, iot)
    await s.reaches(orderNo, 'CREDITING')
    expect(await s.timeline(iot, orderNo)).toEqual(['已下单', '已支付', '已发往气表'])
    const calls = s.fakes.billing.creditCalls
    // Billing is asked again while the meter is offline (not merely some time has passed: a busy
    // machine may not have run the next retry yet).
    await eventually(() => expect(s.fakes.billing.creditCalls).toBeGreaterThan(calls))
    s.fakes.billing.meterOnline(iot)
    const order = await s.reaches(orderNo, 'CREDITED')
    expect(s.fakes.billing.creditsByKey(order.id)).toBe(1)
    expect(s.fakes.wechatpay.refundsOf(orderNo)).toEqual([])
  })

  test('when an IC-card account tops up, then it waits for the card write and ends written', async () => {
    const orderNo = await paidAndNotified(s, ic)
    const order = await s.reaches(orderNo, 'AWAITING_CARD_WRITE')
    expect(await s.timeline(ic, orderNo)).toEqual(['已下单', '已支付', '待写卡'])
    await eventually(() => expect(s.noticesOf(orderNo)).toEqual(['AWAITING_CARD_WRITE']))
    s.fakes.billing.writeCard(order.id)
    await s.reaches(orderNo, 'CARD_WRITTEN')
    expect(await s.timeline(ic, orderNo)).toEqual(['已下单', '已支付', '待写卡', '已写卡'])
    await eventually(() =>
      expect(s.noticesOf(orderNo)).toEqual(['AWAITING_CARD_WRITE', 'CARD_WRITTEN']),
    )
    expect(s.fakes.billing.creditsByKey(order.id)).toBe(1)
  })

  test('when a bill is paid, then it is posted to billing once and reads 已入账', async () => {
    const orderNo = await s.topUp(postpaid, 12345, 'payments')
    s.fakes.wechatpay.pay(orderNo)
    await s.notify(s.fakes.wechatpay.tradeNotification(orderNo))
    const order = await s.reaches(orderNo, 'CREDITED')
    expect(s.fakes.billing.creditsByKey(order.id)).toBe(1)
    expect(await s.timeline(postpaid, orderNo, 'payments')).toEqual([
      '已下单',
      '已支付',
      '正在入账',
      '已入账',
    ])
  })

  test('when the provider reports a different amount than ordered, then nothing is credited and the payment is refunded', async () => {
    const orderNo = await s.topUp(iot, 10000)
    s.fakes.wechatpay.pay(orderNo, 9000)
    await s.notify(s.fakes.wechatpay.tradeNotification(orderNo))
    const order = await s.reaches(orderNo, 'REFUNDED')
    expect(s.fakes.billing.creditsByKey(order.id)).toBe(0)
    expect(s.fakes.wechatpay.refundsOf(orderNo)).toEqual([{ amountFen: 9000, status: 'success' }])
  })
})

describe('when the meter stays offline beyond the limit', () => {
  let s: PaymentScenario

  beforeAll(async () => {
    s = await PaymentScenario.start({ creditDeadlineMs: 700 })
    await s.bind(iot)
  })
  afterAll(() => s.close())

  test('then the posting is withdrawn, the payer refunded once, and the resident told', async () => {
    s.fakes.billing.offlineMeters.add(iot)
    const orderNo = await paidAndNotified(s, iot)
    const order = await s.reaches(orderNo, 'REFUNDED')
    expect(s.fakes.wechatpay.refundsOf(orderNo)).toEqual([{ amountFen: 10000, status: 'success' }])
    expect(s.fakes.billing.effectiveCredits(iot)).toEqual([])
    expect(s.fakes.billing.postings.get(order.id)?.state).toBe('reversed')
    expect(await s.path(orderNo)).toEqual([
      'CREATED',
      'PAYING',
      'PAID',
      'CREDITING',
      'CREDIT_FAILED',
      'REFUNDING',
      'REFUNDED',
    ])
    await eventually(() => expect(s.noticesOf(orderNo)).toEqual(['REFUNDED']))
    expect(await s.timeline(iot, orderNo)).toEqual([
      '已下单',
      '已支付',
      '已发往气表',
      '未能到账',
      '退款中',
      '已退款',
    ])
    // The meter connecting afterwards must not bring the refunded gas.
    s.fakes.billing.meterOnline(iot)
    expect(s.fakes.billing.effectiveCredits(iot)).toEqual([])
  })

  test('then a refund that the provider finishes later is completed by its notification', async () => {
    s.fakes.wechatpay.refundOutcome = 'processing'
    s.fakes.billing.offlineMeters.add(iot)
    const orderNo = await paidAndNotified(s, iot)
    await s.reaches(orderNo, 'REFUNDING')
    const refundNo = `RF${orderNo}`
    // The order shows REFUNDING before the provider is asked for the refund.
    await eventually(() => expect(s.fakes.wechatpay.refunds.get(refundNo)).toBeDefined())
    const refund = s.fakes.wechatpay.refunds.get(refundNo)
    if (!refund) throw new Error('no refund requested')
    refund.status = 'success'
    expect((await s.notify(s.fakes.wechatpay.refundNotification(refundNo))).status).toBe(204)
    await s.reaches(orderNo, 'REFUNDED')
    expect(s.fakes.wechatpay.refundsOf(orderNo)).toHaveLength(1)
    await eventually(() => expect(s.noticesOf(orderNo)).toEqual(['REFUNDED']))
  })
})

describe('when the BFF process stops between PAID and CREDITED', () => {
  let s: PaymentScenario

  beforeAll(async () => {
    s = await PaymentScenario.start({ creditDeadlineMs: 60_000 })
    await s.bind(iot)
  })
  afterAll(() => s.close())

  test('when billing is down at the time, then a newly started instance resumes the job and credits once', async () => {
    s.fakes.billing.failNext = 1_000_000
    const orderNo = await paidAndNotified(s, iot)
    await s.reaches(orderNo, 'CREDITING')
    await s.stopInstance(s.bff)
    s.fakes.billing.failNext = 0
    await s.addInstance()
    const order = await s.reaches(orderNo, 'CREDITED')
    expect(s.fakes.billing.creditsByKey(order.id)).toBe(1)
  })

  test('when the process died after committing PAID but before enqueueing the job, then the sweep of the next instance credits it', async () => {
    const orderNo = await s.topUp(iot, 5000)
    s.fakes.wechatpay.pay(orderNo)
    const order = await s.order(orderNo)
    // What the notification handler had committed when the process died: PAID, no job.
    await s.bff.container.payments.orders.transition(order.id, 'PAYING', 'PAID', 'paid_notify', {
      paidFen: 5000,
      transactionId: 'tx-crash',
      paidAt: new Date(),
    })
    await s.stopInstance(s.bff)
    await s.addInstance()
    await s.reaches(orderNo, 'CREDITED')
    expect(s.fakes.billing.creditsByKey(order.id)).toBe(1)
    await eventually(() => expect(s.noticesOf(orderNo)).toEqual(['CREDITED']))
  })
})
