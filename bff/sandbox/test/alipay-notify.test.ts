import { NotificationRecord } from '../ports/cashier/openapi'
import {
  BUYER_ID,
  exec,
  orderNo,
  startAlipay,
  startReceiver,
  waitFor,
  type Receiver,
} from './alipay-fixtures'
import { closeAll } from './helpers'

const receivers: Receiver[] = []
afterEach(async () => {
  await closeAll()
  await Promise.all(receivers.splice(0).map((r) => r.close()))
})

async function receiver(answer?: (n: number) => string): Promise<Receiver> {
  const r = await startReceiver(answer)
  receivers.push(r)
  return r
}

/** A sandbox whose notification retries run 100 000 times faster (4 min → 2.4 ms). */
async function fastAlipay() {
  const running = await startAlipay()
  await running.http
    .post('/sandbox/notifications/speed')
    .send({ provider: 'alipay', timeScale: 1e-5 })
    .expect(200)
  return running
}

async function paidOrder(
  running: Awaited<ReturnType<typeof startAlipay>>,
  notifyUrl: string,
  amount = '12.30',
) {
  const no = orderNo()
  await exec(
    running.sdk,
    'alipay.trade.create',
    { outTradeNo: no, totalAmount: amount, subject: '燃气充值', buyerId: BUYER_ID },
    { notifyUrl },
  )
  await running.http.post(`/sandbox/payments/${no}/pay`).expect(200)
  return no
}

const records = async (
  running: { http: Awaited<ReturnType<typeof startAlipay>>['http'] },
  no: string,
) => (await running.http.get(`/sandbox/notifications?outTradeNo=${no}`).expect(200)).body.items

describe('Alipay asynchronous notifications', () => {
  it('when an order is paid, then the merchant receives a TRADE_SUCCESS form that checkNotifySignV2 accepts', async () => {
    const running = await startAlipay()
    const merchant = await receiver()
    const no = await paidOrder(running, merchant.url)
    await waitFor(() => merchant.received.length === 1)
    const form = merchant.received[0] ?? {}
    expect(form).toMatchObject({
      notify_type: 'trade_status_sync',
      trade_status: 'TRADE_SUCCESS',
      out_trade_no: no,
      total_amount: '12.30',
      receipt_amount: '12.30',
      app_id: running.creds.appId,
      seller_id: running.creds.sellerId,
      buyer_id: BUYER_ID,
      sign_type: 'RSA2',
    })
    expect(running.sdk.checkNotifySignV2(form)).toBe(true)
    expect(running.sdk.checkNotifySignV2({ ...form, total_amount: '0.01' })).toBe(false)
  })

  it('when the merchant does not answer success, then Alipay retries until it does and then stops', async () => {
    const running = await fastAlipay()
    const merchant = await receiver((n) => (n < 3 ? 'fail' : 'success'))
    const no = await paidOrder(running, merchant.url)
    await waitFor(() => merchant.received.length === 3)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(merchant.received).toHaveLength(3)
    expect(new Set(merchant.received.map((f) => f.notify_id)).size).toBe(1)
    const [record] = await records(running, no)
    expect(NotificationRecord.parse(record)).toEqual(record)
    expect(record).toMatchObject({ provider: 'alipay', kind: 'TRADE_SUCCESS', state: 'delivered' })
    expect(record.attempts.map((a: { accepted: boolean }) => a.accepted)).toEqual([
      false,
      false,
      true,
    ])
  })

  it('when the merchant never answers success, then Alipay gives up after 8 attempts', async () => {
    const running = await fastAlipay()
    const merchant = await receiver(() => 'SUCCESS ')
    const no = await paidOrder(running, merchant.url)
    await waitFor(async () => (await records(running, no))[0]?.state === 'failed', 10_000)
    expect(merchant.received).toHaveLength(8)
    expect((await records(running, no))[0].attempts).toHaveLength(8)
  })

  it('when an order is refunded in part and then in full, then TRADE_SUCCESS and TRADE_CLOSED carry the refund', async () => {
    const running = await startAlipay()
    const merchant = await receiver()
    const no = await paidOrder(running, merchant.url, '30.00')
    await waitFor(() => merchant.received.length === 1)
    await exec(running.sdk, 'alipay.trade.refund', {
      outTradeNo: no,
      refundAmount: '10.00',
      outRequestNo: 'P1',
    })
    await waitFor(() => merchant.received.length === 2)
    await exec(running.sdk, 'alipay.trade.refund', {
      outTradeNo: no,
      refundAmount: '20.00',
      outRequestNo: 'P2',
    })
    await waitFor(() => merchant.received.length === 3)
    const [, partial, full] = merchant.received
    expect(partial).toMatchObject({
      trade_status: 'TRADE_SUCCESS',
      out_biz_no: 'P1',
      refund_fee: '10.00',
    })
    expect(full).toMatchObject({
      trade_status: 'TRADE_CLOSED',
      out_biz_no: 'P2',
      refund_fee: '30.00',
    })
    expect(full?.gmt_close).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    for (const form of merchant.received) expect(running.sdk.checkNotifySignV2(form)).toBe(true)
  })

  it('when the merchant closes an unpaid order, then a TRADE_CLOSED notification follows', async () => {
    const running = await startAlipay()
    const merchant = await receiver()
    const no = orderNo()
    await exec(
      running.sdk,
      'alipay.trade.create',
      { outTradeNo: no, totalAmount: '5.00', subject: '供暖费', buyerId: BUYER_ID },
      { notifyUrl: merchant.url },
    )
    await exec(running.sdk, 'alipay.trade.close', { outTradeNo: no })
    await waitFor(() => merchant.received.length === 1)
    expect(merchant.received[0]).toMatchObject({ trade_status: 'TRADE_CLOSED', out_trade_no: no })
    expect(merchant.received[0]?.gmt_payment).toBeUndefined()
  })
})

describe('Alipay notification faults', () => {
  it('when the duplicate fault is set, then the same notification arrives twice', async () => {
    const running = await startAlipay()
    await running.http
      .post('/sandbox/notifications/faults')
      .send({ provider: 'alipay', mode: 'duplicate', count: 2 })
      .expect(200)
    const merchant = await receiver()
    await paidOrder(running, merchant.url)
    await waitFor(() => merchant.received.length === 2)
    expect(merchant.received[0]).toEqual(merchant.received[1])
  })

  it('when the lost fault is set, then nothing arrives and the record says lost', async () => {
    const running = await startAlipay()
    await running.http
      .post('/sandbox/notifications/faults')
      .send({ provider: 'alipay', mode: 'lost' })
      .expect(200)
    const merchant = await receiver()
    const no = await paidOrder(running, merchant.url)
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(merchant.received).toHaveLength(0)
    expect((await records(running, no))[0]).toMatchObject({ state: 'lost', attempts: [] })
  })

  it('when the concurrent fault names two instances, then both receive the notification', async () => {
    const running = await startAlipay()
    const [a, b] = [await receiver(), await receiver()]
    await running.http
      .post('/sandbox/notifications/faults')
      .send({ provider: 'alipay', mode: 'concurrent', count: 1, targets: [a.url, b.url] })
      .expect(200)
    await paidOrder(running, 'http://127.0.0.1:9/unused')
    await waitFor(() => a.received.length === 1 && b.received.length === 1)
    expect(running.sdk.checkNotifySignV2(a.received[0])).toBe(true)
  })
})
