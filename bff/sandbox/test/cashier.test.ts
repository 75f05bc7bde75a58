import { AlipaySdk } from 'alipay-sdk'
import { alipayKeys } from '../ports/alipay/keys'
import { AlipayCredentials } from '../ports/alipay/openapi'
import { AuthCodeAnswer } from '../ports/alipay/routes'
import { PaymentActionAnswer } from '../ports/cashier/openapi'
import { SentSms } from '../ports/sms/openapi'
import {
  BUYER_ID,
  exec,
  orderNo,
  startAlipay,
  testDataDir,
  type RunningAlipay,
} from './alipay-fixtures'
import { closeAll, startSandbox } from './helpers'

afterEach(closeAll)

async function alipayOrder(running: RunningAlipay, extra: object = {}): Promise<string> {
  const no = orderNo()
  await exec(running.sdk, 'alipay.trade.create', {
    outTradeNo: no,
    totalAmount: '88.50',
    subject: '燃气充值 <王建国>',
    buyerId: BUYER_ID,
    ...extra,
  })
  return no
}

const status = async (running: RunningAlipay, no: string) =>
  (await exec(running.sdk, 'alipay.trade.query', { outTradeNo: no })).tradeStatus

describe('cashier page', () => {
  it('when an unpaid order is opened, then the page shows amount, description and both buttons in Chinese', async () => {
    const running = await startAlipay()
    const no = await alipayOrder(running)
    const res = await running.http.get(`/cashier/${no}`).expect(200)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.text).toContain('<html lang="zh-CN">')
    expect(res.text).toContain(
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
    )
    expect(res.text).toContain('¥88.50')
    expect(res.text).toContain('燃气充值 &#60;王建国&#62;')
    expect(res.text).toContain('支付宝（沙箱）')
    expect(res.text).toMatch(/<button type="submit" class="primary">确认支付<\/button>/)
    expect(res.text).toMatch(/<button type="submit" class="secondary">取消支付<\/button>/)
  })

  it('when the payer confirms on the page, then the order is paid and the browser goes back', async () => {
    const running = await startAlipay()
    const no = await alipayOrder(running)
    const back = 'http://127.0.0.1:3000/#/pages/recharge/result?orderId=9'
    const page = await running.http
      .get(`/cashier/${no}?return=${encodeURIComponent(back)}`)
      .expect(200)
    expect(page.text).toContain(`value="${back}"`)
    const res = await running.http
      .post(`/cashier/${no}/pay`)
      .type('form')
      .send({ return: back })
      .expect(303)
    expect(res.headers.location).toBe(back)
    expect(await status(running, no)).toBe('TRADE_SUCCESS')
    const again = await running.http.get(`/cashier/${no}`).expect(200)
    expect(again.text).toContain('订单已支付')
    expect(again.text).not.toContain('确认支付')
  })

  it('when the payer cancels on the page, then nothing is paid and the page says so', async () => {
    const running = await startAlipay()
    const no = await alipayOrder(running)
    const res = await running.http.post(`/cashier/${no}/cancel`).type('form').send({}).expect(200)
    expect(res.text).toContain('已取消支付')
    expect(await status(running, no)).toBe('WAIT_BUYER_PAY')
  })

  it.each([
    'https://evil.example/steal',
    'javascript:alert(1)',
    'http://user@127.0.0.1/',
    '//evil.example',
  ])(
    'when the return address is %s, then the cashier refuses it instead of redirecting',
    async (target) => {
      const running = await startAlipay()
      const no = await alipayOrder(running)
      const page = await running.http
        .get(`/cashier/${no}?return=${encodeURIComponent(target)}`)
        .expect(400)
      expect(page.text).toContain('返回地址无效')
      const post = await running.http
        .post(`/cashier/${no}/pay`)
        .type('form')
        .send({ return: target })
      expect(post.status).toBe(400)
      expect(post.headers.location).toBeUndefined()
      expect(await status(running, no)).toBe('WAIT_BUYER_PAY')
    },
  )

  it('when the order does not exist, then a 404 page says so', async () => {
    const running = await startAlipay()
    const res = await running.http.get('/cashier/NO_SUCH_ORDER').expect(404)
    expect(res.text).toContain('订单不存在')
  })

  it('when the order has expired, then the page says 订单已过期 and offers no button', async () => {
    const running = await startAlipay()
    const no = await alipayOrder(running, { timeoutExpress: '1m' })
    await running.http.post('/sandbox/clock').send({ advanceMs: 61_000 }).expect(200)
    const res = await running.http.get(`/cashier/${no}`).expect(200)
    expect(res.text).toContain('订单已过期')
    expect(res.text).not.toContain('确认支付')
    const pay = await running.http.post(`/cashier/${no}/pay`).type('form').send({}).expect(409)
    expect(pay.text).toContain('订单已过期')
  })
})

describe('developer endpoints /sandbox/payments/:outTradeNo/pay|cancel', () => {
  it('when pay is called, then the order is paid once and a second pay is refused', async () => {
    const running = await startAlipay()
    const no = await alipayOrder(running)
    const res = await running.http.post(`/sandbox/payments/${no}/pay`).expect(200)
    expect(res.body).toEqual({
      result: 'paid',
      order: expect.objectContaining({
        provider: 'alipay',
        outTradeNo: no,
        amountFen: 8850,
        status: 'paid',
      }),
    })
    expect(res.body.order.expiresAt).toMatch(/\+08:00$/)
    const again = await running.http.post(`/sandbox/payments/${no}/pay`).expect(409)
    expect(again.body.code).toBe('ORDER_PAID')
  })

  it('when cancel is called, then the order stays unpaid and can still be paid', async () => {
    const running = await startAlipay()
    const no = await alipayOrder(running)
    const res = await running.http.post(`/sandbox/payments/${no}/cancel`).expect(200)
    expect(res.body).toMatchObject({ result: 'cancelled', order: { status: 'awaiting_payment' } })
    await running.http.post(`/sandbox/payments/${no}/pay`).expect(200)
  })

  it('when the order is unknown or closed, then 404 ORDER_NOT_FOUND and 409 ORDER_CLOSED', async () => {
    const running = await startAlipay()
    expect((await running.http.post('/sandbox/payments/NOPE/pay').expect(404)).body.code).toBe(
      'ORDER_NOT_FOUND',
    )
    const no = await alipayOrder(running)
    await exec(running.sdk, 'alipay.trade.close', { outTradeNo: no })
    expect((await running.http.post(`/sandbox/payments/${no}/pay`).expect(409)).body.code).toBe(
      'ORDER_CLOSED',
    )
  })

  it('when NODE_ENV is production, then the developer endpoints are gone but the payer page stays', async () => {
    const running = await startSandbox({ config: { nodeEnv: 'production', dataDir: testDataDir } })
    const { appId } = running.sandbox.state.ports.alipay
    const keys = alipayKeys(testDataDir)
    const sdk = new AlipaySdk({
      appId,
      privateKey: keys.appPrivateKey,
      alipayPublicKey: keys.alipayPublicKey,
      gateway: `${running.url}/gateway.do`,
    })
    const no = orderNo()
    await exec(sdk, 'alipay.trade.create', {
      outTradeNo: no,
      totalAmount: '1.00',
      subject: '测试',
      buyerId: BUYER_ID,
    })
    await running.http.get('/sandbox/credentials').expect(404)
    await running.http.post(`/sandbox/payments/${no}/pay`).expect(404)
    await running.http.get(`/cashier/${no}`).expect(200)
  })
})

describe('payment developer endpoints in the sandbox document', () => {
  it('when the sandbox document is read, then it lists the cashier, payments, notifications, Alipay and SMS endpoints', async () => {
    const running = await startAlipay()
    const doc = await running.http.get('/sandbox/openapi.json').expect(200)
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/cashier/{outTradeNo}',
        '/sandbox/payments/{outTradeNo}/pay',
        '/sandbox/payments/{outTradeNo}/cancel',
        '/sandbox/notifications',
        '/sandbox/notifications/faults',
        '/sandbox/credentials',
        '/sandbox/alipay/auth-code',
        '/sandbox/sms',
      ]),
    )
  })

  it('when the endpoints answer, then the bodies match the documented schemas', async () => {
    const running = await startAlipay()
    const credentials = await running.http.get('/sandbox/credentials').expect(200)
    expect(AlipayCredentials.parse(credentials.body.alipay)).toEqual(credentials.body.alipay)
    const no = await alipayOrder(running)
    const paid = await running.http.post(`/sandbox/payments/${no}/pay`).expect(200)
    expect(PaymentActionAnswer.parse(paid.body)).toEqual(paid.body)
    const code = await running.http
      .post('/sandbox/alipay/auth-code')
      .send({ name: 'a' })
      .expect(200)
    expect(AuthCodeAnswer.parse(code.body)).toEqual(code.body)
    await running.http
      .post('/sms/v1/send')
      .send({ phone: '13800000001', template: 'bind_code', params: { code: '1234' } })
      .expect(200)
    const inbox = await running.http.get('/sandbox/sms?phone=13800000001').expect(200)
    expect(SentSms.parse(inbox.body.items[0])).toEqual(inbox.body.items[0])
  })
})
