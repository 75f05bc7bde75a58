import { createSign } from 'node:crypto'
import { shanghaiMs, toShanghaiIso } from '../clock'
import { closeAll } from './helpers'
import {
  authorization,
  jsapiOrder,
  startWechatPay,
  type WechatPaySandbox,
} from './wechatpay-support'

afterEach(closeAll)

/** A correctly signed call, answering the status and the WeChat body. */
async function call(sb: WechatPaySandbox, method: 'GET' | 'POST', path: string, payload?: object) {
  const body = payload === undefined ? '' : JSON.stringify(payload)
  const auth = authorization(sb.creds, method, path, body)
  const req =
    method === 'GET'
      ? sb.http.get(path)
      : sb.http.post(path).set('Content-Type', 'application/json').send(body)
  const res = await req.set('Authorization', auth)
  return { status: res.status, body: res.body as Record<string, unknown> }
}

const NOTIFY = 'http://127.0.0.1:9/notify'
const create = (sb: WechatPaySandbox, no: string, extra: object = {}) =>
  call(sb, 'POST', '/v3/pay/transactions/jsapi', { ...jsapiOrder(sb.creds, no, NOTIFY), ...extra })
const query = (sb: WechatPaySandbox, no: string) =>
  call(sb, 'GET', `/v3/pay/transactions/out-trade-no/${no}?mchid=${sb.creds.mchid}`)
const refund = (sb: WechatPaySandbox, no: string, refundNo: string, amount: number, total = 3000) =>
  call(sb, 'POST', '/v3/refund/domestic/refunds', {
    out_trade_no: no,
    out_refund_no: refundNo,
    amount: { refund: amount, total, currency: 'CNY' },
  })
const pay = (sb: WechatPaySandbox, no: string) => sb.http.post(`/sandbox/payments/${no}/pay`)

describe('WeChat Pay order rules', () => {
  it('when the same out_trade_no comes again, then the same body gets the same prepay_id and a different one 400 INVALID_REQUEST', async () => {
    const sb = await startWechatPay()
    const first = await create(sb, 'GH202611260401')
    expect(first.status).toBe(200)
    expect(await create(sb, 'GH202611260401')).toEqual(first)
    const changed = await create(sb, 'GH202611260401', { amount: { total: 3001, currency: 'CNY' } })
    expect(changed).toMatchObject({ status: 400, body: { code: 'INVALID_REQUEST' } })
  })

  it("when the amount is zero or not whole fen, or the appid is not the merchant's, then the order is refused", async () => {
    const sb = await startWechatPay()
    for (const total of [0, -5, 12.5]) {
      const res = await create(sb, 'GH202611260402', { amount: { total, currency: 'CNY' } })
      expect(res).toMatchObject({ status: 400, body: { code: 'PARAM_ERROR' } })
    }
    const foreign = await create(sb, 'GH202611260402', { appid: 'wx0000000000000000' })
    expect(foreign).toMatchObject({ status: 400, body: { code: 'APPID_MCHID_NOT_MATCH' } })
    expect((await query(sb, 'GH202611260402')).body.code).toBe('ORDER_NOT_EXIST')
  })

  it('when time_expire passes, then the order is closed, cannot be paid and needs a new out_trade_no', async () => {
    const sb = await startWechatPay()
    const expire = toShanghaiIso(sb.sandbox.state.clock.nowMs() + 15 * 60_000)
    expect((await create(sb, 'GH202611260403', { time_expire: expire })).status).toBe(200)
    sb.sandbox.state.clock.advance(16 * 60_000)
    expect((await query(sb, 'GH202611260403')).body).toMatchObject({ trade_state: 'CLOSED' })
    expect((await pay(sb, 'GH202611260403')).status).toBe(409)
    const again = await create(sb, 'GH202611260403', { time_expire: expire })
    expect(again).toMatchObject({ status: 400, body: { code: 'ORDER_CLOSED' } })
  })

  it('when a paid order is closed or ordered again, then 400 ORDERPAID', async () => {
    const sb = await startWechatPay()
    await create(sb, 'GH202611260404')
    await pay(sb, 'GH202611260404').expect(200)
    const close = await call(sb, 'POST', '/v3/pay/transactions/out-trade-no/GH202611260404/close', {
      mchid: sb.creds.mchid,
    })
    expect(close).toMatchObject({ status: 400, body: { code: 'ORDERPAID' } })
    expect((await create(sb, 'GH202611260404')).body.code).toBe('ORDERPAID')
  })

  it('when an order is in USERPAYING, then the query says so and it can still be paid', async () => {
    const sb = await startWechatPay()
    await create(sb, 'GH202611260405')
    await sb.http
      .post('/sandbox/wechatpay/orders/GH202611260405/trade-state')
      .send({ tradeState: 'USERPAYING' })
      .expect(200)
    expect((await query(sb, 'GH202611260405')).body.trade_state).toBe('USERPAYING')
    await pay(sb, 'GH202611260405').expect(200)
    expect((await query(sb, 'GH202611260405')).body.trade_state).toBe('SUCCESS')
  })
})

describe('WeChat Pay behind the fault port', () => {
  it('when the wechatpay port is faulted, then calls under /wechatpay fail with 503 and the real root path still answers', async () => {
    const sb = await startWechatPay()
    await sb.http.post('/sandbox/faults').send({ port: 'wechatpay', errorRate: 1 }).expect(200)
    const path = `/pay/transactions/out-trade-no/GH202611260406?mchid=${sb.creds.mchid}`
    expect((await call(sb, 'GET', `/wechatpay/v3${path}`)).status).toBe(503)
    expect((await call(sb, 'GET', `/v3${path}`)).body.code).toBe('ORDER_NOT_EXIST')
  })
})

describe('WeChat Pay refund rules', () => {
  it('when refunds would exceed what was paid, then 400 INVALID_REQUEST; up to the total they pass', async () => {
    const sb = await startWechatPay()
    await create(sb, 'GH202611260501')
    expect((await refund(sb, 'GH202611260501', 'RF1', 100)).body.code).toBe('INVALID_REQUEST')
    await pay(sb, 'GH202611260501').expect(200)
    expect((await refund(sb, 'GH202611260501', 'RF1', 2000)).status).toBe(200)
    expect((await refund(sb, 'GH202611260501', 'RF2', 1001)).body.code).toBe('INVALID_REQUEST')
    expect((await refund(sb, 'GH202611260501', 'RF2', 1000)).status).toBe(200)
    expect((await refund(sb, 'GH202611260501', 'RF1', 2000)).status).toBe(200)
    expect((await refund(sb, 'GH202611260501', 'RF1', 1999)).body.code).toBe('INVALID_REQUEST')
    expect((await refund(sb, 'GH202611260501', 'RF3', 1, 2999)).body.code).toBe('PARAM_ERROR')
    expect((await query(sb, 'GH202611260501')).body.trade_state).toBe('REFUND')
  })

  it('when the merchant balance is short or the order unknown, then 403 NOT_ENOUGH and 404 RESOURCE_NOT_EXISTS', async () => {
    const sb = await startWechatPay()
    await create(sb, 'GH202611260502')
    await pay(sb, 'GH202611260502').expect(200)
    await sb.http.post('/sandbox/wechatpay/settings').send({ balanceFen: 500 }).expect(200)
    expect(await refund(sb, 'GH202611260502', 'RF4', 501)).toMatchObject({
      status: 403,
      body: { code: 'NOT_ENOUGH' },
    })
    expect((await refund(sb, 'GH202611260599', 'RF5', 1)).body.code).toBe('RESOURCE_NOT_EXISTS')
    const unknown = await call(sb, 'GET', '/v3/refund/domestic/refunds/RF404')
    expect(unknown).toMatchObject({ status: 404, body: { code: 'RESOURCE_NOT_EXISTS' } })
  })
})

describe('WeChat Pay trade bills', () => {
  it('when the bill is asked for before 10:00 the next day or for a day without trades, then STATEMENT_CREATING or NO_STATEMENT_EXIST', async () => {
    const sb = await startWechatPay()
    const clock = sb.sandbox.state.clock
    clock.set(new Date(shanghaiMs(2026, 11, 25, 14, 0)))
    await create(sb, 'GH202611260601')
    await pay(sb, 'GH202611260601').expect(200)
    const bill = (date: string) => call(sb, 'GET', `/v3/bill/tradebill?bill_date=${date}`)
    expect((await bill('2026-11-25')).body.code).toBe('PARAM_ERROR')
    clock.set(new Date(shanghaiMs(2026, 11, 26, 9, 0)))
    expect((await bill('2026-11-25')).body.code).toBe('STATEMENT_CREATING')
    clock.set(new Date(shanghaiMs(2026, 11, 26, 10, 1)))
    expect((await bill('2026-11-25')).body).toMatchObject({ hash_type: 'SHA1' })
    expect((await bill('2026-11-24')).body.code).toBe('NO_STATEMENT_EXIST')
  })
})

describe('wx.requestPayment check', () => {
  it('when the BFF signs the pay parameters with the merchant key, then they pass; tampered or incomplete ones fail like wx.requestPayment', async () => {
    const sb = await startWechatPay()
    const { body } = await create(sb, 'GH202611260701')
    const params = {
      appId: sb.creds.appid,
      timeStamp: String(Math.floor(Date.now() / 1000)),
      nonceStr: 'nonce0123456789',
      package: `prepay_id=${String(body.prepay_id)}`,
      signType: 'RSA',
    }
    const message = `${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`
    const paySign = createSign('RSA-SHA256')
      .update(message)
      .sign(sb.creds.merchantPrivateKeyPem, 'base64')
    const check = (p: object) => sb.http.post('/sandbox/wechat/request-payment').send(p)

    const ok = await check({ ...params, paySign }).expect(200)
    expect(ok.body).toMatchObject({
      ok: true,
      errMsg: 'requestPayment:ok',
      outTradeNo: 'GH202611260701',
      amountFen: 3000,
    })
    const tampered = await check({ ...params, nonceStr: 'other', paySign }).expect(400)
    expect(tampered.body).toEqual({ ok: false, errMsg: 'requestPayment:fail 支付验证签名失败' })
    const missing = await check({ ...params, package: undefined, paySign }).expect(400)
    expect(missing.body.errMsg).toBe(
      'requestPayment:fail parameter error: parameter.package should be String instead of Undefined;',
    )
  })
})
