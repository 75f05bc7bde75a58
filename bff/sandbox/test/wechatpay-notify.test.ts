import { RefundResource, Transaction } from '../../contracts/wechatpay'
import { closeAll } from './helpers'
import {
  Receiver,
  decryptResource,
  jsapiOrder,
  pluginClient,
  startWechatPay,
  verifiedBy,
  type WechatPaySandbox,
} from './wechatpay-support'

const receivers: Receiver[] = []
async function receiver(): Promise<Receiver> {
  const r = await new Receiver().start()
  receivers.push(r)
  return r
}
afterEach(async () => {
  await closeAll()
  await Promise.all(receivers.splice(0).map((r) => r.stop()))
})

async function order(sb: WechatPaySandbox, outTradeNo: string, notifyUrl: string): Promise<void> {
  await pluginClient(sb.creds, sb.creds.serialMode)
    .chain('v3/pay/transactions/jsapi')
    .post(jsapiOrder(sb.creds, outTradeNo, notifyUrl))
}

async function payAndSettle(sb: WechatPaySandbox, outTradeNo: string): Promise<void> {
  await sb.http.post(`/sandbox/payments/${outTradeNo}/pay`).expect(200)
  await sb.sandbox.state.ports.wechatpay.pay.notifier.idle()
}

const setFault = (sb: WechatPaySandbox, fault: object) =>
  sb.http
    .post('/sandbox/notifications/faults')
    .send({ provider: 'wechatpay', ...fault })
    .expect(200)

describe('WeChat Pay notifications', () => {
  it.each(['public_key', 'platform_certificate'] as const)(
    'when an order is paid (%s), then TRANSACTION.SUCCESS arrives signed and decrypts with the APIv3 key only',
    async (mode) => {
      const sb = await startWechatPay(mode)
      const r = await receiver()
      await order(sb, 'GH202611260201', r.url)
      await payAndSettle(sb, 'GH202611260201')

      expect(r.hits).toHaveLength(1)
      const [hit] = r.hits
      if (!hit) throw new Error('no delivery')
      expect(hit.headers['wechatpay-serial']).toBe(
        mode === 'public_key' ? sb.creds.wechatpayPublicKeyId : sb.creds.platformCertificateSerial,
      )
      expect(verifiedBy(sb.creds, hit.headers, hit.body)).toBe(true)
      expect(JSON.parse(hit.body)).toMatchObject({
        event_type: 'TRANSACTION.SUCCESS',
        resource_type: 'encrypt-resource',
        resource: {
          algorithm: 'AEAD_AES_256_GCM',
          associated_data: 'transaction',
          original_type: 'transaction',
        },
      })
      const tx = Transaction.parse(decryptResource(hit.body, sb.creds.apiV3Key))
      expect(tx).toMatchObject({ out_trade_no: 'GH202611260201', trade_state: 'SUCCESS' })
      expect(() => decryptResource(hit.body, 'x'.repeat(32))).toThrow()

      const log = await sb.http.get('/sandbox/notifications?outTradeNo=GH202611260201').expect(200)
      expect(log.body.items).toEqual([
        expect.objectContaining({
          state: 'delivered',
          attempts: [expect.objectContaining({ status: 204, accepted: true })],
        }),
      ])
    },
  )

  it('when a refund completes, then REFUND.SUCCESS arrives and decrypts to the refund', async () => {
    const sb = await startWechatPay()
    const r = await receiver()
    await order(sb, 'GH202611260202', r.url)
    await payAndSettle(sb, 'GH202611260202')
    await pluginClient(sb.creds, 'public_key')
      .chain('v3/refund/domestic/refunds')
      .post({
        out_trade_no: 'GH202611260202',
        out_refund_no: 'RF202611260202',
        notify_url: r.url,
        amount: { refund: 3000, total: 3000, currency: 'CNY' },
      })
    await sb.http.post('/sandbox/notifications/flush').expect(204)
    await sb.sandbox.state.ports.wechatpay.pay.notifier.idle()

    const refundHit = r.hits.find((h) => JSON.parse(h.body).event_type === 'REFUND.SUCCESS')
    if (!refundHit) throw new Error('no refund notification')
    expect(verifiedBy(sb.creds, refundHit.headers, refundHit.body)).toBe(true)
    expect(RefundResource.parse(decryptResource(refundHit.body, sb.creds.apiV3Key))).toMatchObject({
      out_refund_no: 'RF202611260202',
      refund_status: 'SUCCESS',
      amount: { refund: 3000, total: 3000 },
    })
  })

  it('when the receiver fails three times, then the same event is retried until it answers 204', async () => {
    const sb = await startWechatPay()
    const r = await receiver()
    r.answer = (_hit, i) => ({ status: i < 3 ? 500 : 204 })
    await order(sb, 'GH202611260203', r.url)
    await payAndSettle(sb, 'GH202611260203')

    expect(r.hits).toHaveLength(4)
    expect(new Set(r.eventIds()).size).toBe(1)
    const [event] = sb.sandbox.state.ports.wechatpay.pay.notifier.list('GH202611260203')
    expect(event?.state).toBe('delivered')
    expect(event?.attempts.map((a) => [a.attempt, a.status, a.accepted])).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 500, false],
      [4, 204, true],
    ])
  })

  it('when the receiver never answers 200/204, then WeChat gives up after the 15 retries of its schedule', async () => {
    const sb = await startWechatPay()
    const r = await receiver()
    r.answer = () => ({ status: 503 })
    await order(sb, 'GH202611260204', r.url)
    await payAndSettle(sb, 'GH202611260204')
    expect(r.hits).toHaveLength(16)
    expect(sb.sandbox.state.ports.wechatpay.pay.notifier.list('GH202611260204')[0]?.state).toBe(
      'failed',
    )
  })

  it('when retries run at a thousandth of real time, then the waits follow 15 s, 15 s, 30 s, 3 min', async () => {
    const sb = await startWechatPay()
    await sb.http.post('/sandbox/notifications/speed').send({ timeScale: 1e-3 }).expect(200)
    const r = await receiver()
    r.answer = (_hit, i) => ({ status: i < 4 ? 500 : 204 })
    await order(sb, 'GH202611260205', r.url)
    await payAndSettle(sb, 'GH202611260205')
    const gaps = r.hits.slice(1).map((h, i) => h.at - (r.hits[i]?.at ?? 0))
    expect(gaps).toHaveLength(4)
    ;[15, 15, 30, 180].forEach((expected, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(expected - 2)
      // Generous for a busy machine, yet tight enough to tell 3 min (180 ms) from 10 min (600 ms).
      expect(gaps[i]).toBeLessThan(expected + 300)
    })
  })
})

describe('notification faults', () => {
  it('when duplicate ×3 is set, then the receiver gets the same event three times', async () => {
    const sb = await startWechatPay()
    const r = await receiver()
    await setFault(sb, { mode: 'duplicate', count: 3 })
    await order(sb, 'GH202611260301', r.url)
    await payAndSettle(sb, 'GH202611260301')
    expect(r.hits).toHaveLength(3)
    expect(new Set(r.eventIds()).size).toBe(1)
    expect(r.maxInFlight).toBe(1)
  })

  it('when concurrent ×2 to two instances is set, then each instance gets two copies at the same time', async () => {
    const sb = await startWechatPay()
    const [a, b] = [await receiver(), await receiver()]
    for (const r of [a, b]) r.answer = () => ({ status: 204, delayMs: 150 })
    await setFault(sb, { mode: 'concurrent', count: 2, targets: [a.url, b.url] })
    await order(sb, 'GH202611260302', a.url)
    await payAndSettle(sb, 'GH202611260302')
    for (const r of [a, b]) {
      expect(r.hits).toHaveLength(2)
      expect(r.maxInFlight).toBe(2)
    }
    expect(new Set([...a.eventIds(), ...b.eventIds()]).size).toBe(1)
  })

  it('when reorder is set, then the first event is held until a later one has been sent', async () => {
    const sb = await startWechatPay()
    const r = await receiver()
    await setFault(sb, { mode: 'reorder' })
    await order(sb, 'GH202611260303', r.url)
    await order(sb, 'GH202611260304', r.url)
    await payAndSettle(sb, 'GH202611260303')
    expect(r.hits).toHaveLength(0)
    expect(sb.sandbox.state.ports.wechatpay.pay.notifier.list('GH202611260303')[0]?.state).toBe(
      'held',
    )
    await payAndSettle(sb, 'GH202611260304')
    await sb.sandbox.state.ports.wechatpay.pay.notifier.idle()
    const order_ = r.hits.map(
      (h) => Transaction.parse(decryptResource(h.body, sb.creds.apiV3Key)).out_trade_no,
    )
    expect(order_).toEqual(['GH202611260304', 'GH202611260303'])
  })

  it('when lost is set, then nothing arrives and only a query tells the merchant the order is paid', async () => {
    const sb = await startWechatPay()
    const r = await receiver()
    await setFault(sb, { mode: 'lost', outTradeNo: 'GH202611260305' })
    await order(sb, 'GH202611260305', r.url)
    await payAndSettle(sb, 'GH202611260305')
    await sb.http.post('/sandbox/notifications/flush').expect(204)
    await sb.sandbox.state.ports.wechatpay.pay.notifier.idle()
    expect(r.hits).toHaveLength(0)
    const log = await sb.http.get('/sandbox/notifications?outTradeNo=GH202611260305').expect(200)
    expect(log.body.items[0]).toMatchObject({ state: 'lost', attempts: [] })
    const res = await pluginClient(sb.creds, 'public_key')
      .chain('v3/pay/transactions/out-trade-no/{out_trade_no}')
      .get({
        params: { mchid: sb.creds.mchid },
        out_trade_no: 'GH202611260305',
      })
    expect(res.data.trade_state).toBe('SUCCESS')
  })

  it('when delay 300 ms is set, then the first delivery comes no sooner', async () => {
    const sb = await startWechatPay()
    const r = await receiver()
    await setFault(sb, { mode: 'delay', delayMs: 300 })
    await order(sb, 'GH202611260306', r.url)
    const paidAt = Date.now()
    await payAndSettle(sb, 'GH202611260306')
    expect(r.hits).toHaveLength(1)
    expect((r.hits[0]?.at ?? 0) - paidAt).toBeGreaterThanOrEqual(298)
  })
})
