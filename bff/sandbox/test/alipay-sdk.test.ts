import { AlipaySdk } from 'alipay-sdk'
import { generateKeyPairSync } from 'node:crypto'
import {
  BUYER_ID,
  exec,
  orderNo,
  startAlipay,
  type AlipayCredentialsSection,
} from './alipay-fixtures'
import { closeAll } from './helpers'

afterEach(closeAll)

const create = (outTradeNo: string, extra: object = {}) => ({
  outTradeNo,
  totalAmount: '12.30',
  subject: '燃气充值 户号1000000001',
  buyerId: BUYER_ID,
  ...extra,
})

describe('Alipay gateway through the official alipay-sdk', () => {
  it('when an order is created, queried and closed, then each answer is signed and says so', async () => {
    const { sdk } = await startAlipay()
    const no = orderNo()
    const created = await exec(sdk, 'alipay.trade.create', create(no))
    expect(created).toMatchObject({ code: '10000', msg: 'Success', outTradeNo: no })
    expect(created.tradeNo).toMatch(/^\d{28}$/)

    const waiting = await exec(sdk, 'alipay.trade.query', { outTradeNo: no })
    expect(waiting).toMatchObject({
      code: '10000',
      tradeNo: created.tradeNo,
      tradeStatus: 'WAIT_BUYER_PAY',
      totalAmount: '12.30',
    })

    const closed = await exec(sdk, 'alipay.trade.close', { tradeNo: created.tradeNo })
    expect(closed).toMatchObject({ code: '10000', outTradeNo: no })
    const after = await exec(sdk, 'alipay.trade.query', { outTradeNo: no })
    expect(after.tradeStatus).toBe('TRADE_CLOSED')
  })

  it('when a paid order is refunded in parts, then refunds add up, repeat idempotently and stop at the paid amount', async () => {
    const { sdk, http } = await startAlipay()
    const no = orderNo()
    await exec(sdk, 'alipay.trade.create', create(no, { totalAmount: '100.00' }))
    await http.post(`/sandbox/payments/${no}/pay`).expect(200)
    const paid = await exec(sdk, 'alipay.trade.query', { outTradeNo: no })
    expect(paid).toMatchObject({ tradeStatus: 'TRADE_SUCCESS', buyerPayAmount: '100.00' })
    expect(paid.sendPayDate).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)

    const first = { outTradeNo: no, refundAmount: '30.10', outRequestNo: 'R1' }
    expect(await exec(sdk, 'alipay.trade.refund', first)).toMatchObject({
      code: '10000',
      fundChange: 'Y',
      refundFee: '30.10',
    })
    expect(await exec(sdk, 'alipay.trade.refund', first)).toMatchObject({
      code: '10000',
      fundChange: 'N',
      refundFee: '30.10',
    })
    const tooMuch = { outTradeNo: no, refundAmount: '69.91', outRequestNo: 'R2' }
    expect(await exec(sdk, 'alipay.trade.refund', tooMuch)).toMatchObject({
      code: '40004',
      subCode: 'ACQ.REASON_TRADE_REFUND_FEE_ERR',
    })
    const rest = { outTradeNo: no, refundAmount: '69.90', outRequestNo: 'R3' }
    expect(await exec(sdk, 'alipay.trade.refund', rest)).toMatchObject({ refundFee: '100.00' })

    const query = { outTradeNo: no, outRequestNo: 'R1' }
    expect(await exec(sdk, 'alipay.trade.fastpay.refund.query', query)).toMatchObject({
      code: '10000',
      refundAmount: '30.10',
      totalAmount: '100.00',
      refundStatus: 'REFUND_SUCCESS',
    })
    const none = await exec(sdk, 'alipay.trade.fastpay.refund.query', {
      outTradeNo: no,
      outRequestNo: 'R2',
    })
    expect(none.code).toBe('10000')
    expect(none.refundAmount).toBeUndefined()
    // Fully refunded: Alipay closes the trade.
    expect((await exec(sdk, 'alipay.trade.query', { outTradeNo: no })).tradeStatus).toBe(
      'TRADE_CLOSED',
    )
  })

  it('when a refund without out_request_no is not the full amount, then ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', async () => {
    const { sdk, http } = await startAlipay()
    const no = orderNo()
    await exec(sdk, 'alipay.trade.create', create(no))
    await http.post(`/sandbox/payments/${no}/pay`).expect(200)
    const res = await exec(sdk, 'alipay.trade.refund', { outTradeNo: no, refundAmount: '1.00' })
    expect(res).toMatchObject({ code: '40004', subCode: 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL' })
  })

  it.each([
    [
      'an unknown order is queried',
      'alipay.trade.query',
      { outTradeNo: 'NOPE1' },
      'ACQ.TRADE_NOT_EXIST',
    ],
    [
      'an unknown order is closed',
      'alipay.trade.close',
      { outTradeNo: 'NOPE2' },
      'ACQ.TRADE_NOT_EXIST',
    ],
    [
      'the amount has three decimals',
      'alipay.trade.create',
      create('BAD1', { totalAmount: '1.001' }),
      'ACQ.INVALID_PARAMETER',
    ],
    [
      'no buyer is named',
      'alipay.trade.create',
      create('BAD2', { buyerId: undefined }),
      'ACQ.INVALID_PARAMETER',
    ],
  ])('when %s, then %s answers 40004 %s', async (_, method, biz, subCode) => {
    const { sdk } = await startAlipay()
    expect(await exec(sdk, method, biz)).toMatchObject({
      code: '40004',
      msg: 'Business Failed',
      subCode,
    })
  })

  it('when an order number is reused, then a retry gets the same trade and a changed or settled order is refused', async () => {
    const { sdk, http } = await startAlipay()
    const no = orderNo()
    const first = await exec(sdk, 'alipay.trade.create', create(no))
    expect((await exec(sdk, 'alipay.trade.create', create(no))).tradeNo).toBe(first.tradeNo)
    const changed = await exec(sdk, 'alipay.trade.create', create(no, { totalAmount: '99.00' }))
    expect(changed.subCode).toBe('ACQ.CONTEXT_INCONSISTENT')
    await http.post(`/sandbox/payments/${no}/pay`).expect(200)
    expect((await exec(sdk, 'alipay.trade.create', create(no))).subCode).toBe(
      'ACQ.TRADE_HAS_SUCCESS',
    )
    expect((await exec(sdk, 'alipay.trade.close', { outTradeNo: no })).subCode).toBe(
      'ACQ.TRADE_STATUS_ERROR',
    )
  })

  it('when a closed order is refunded, then ACQ.TRADE_HAS_CLOSE', async () => {
    const { sdk } = await startAlipay()
    const no = orderNo()
    await exec(sdk, 'alipay.trade.create', create(no))
    await exec(sdk, 'alipay.trade.close', { outTradeNo: no })
    const res = await exec(sdk, 'alipay.trade.refund', { outTradeNo: no, refundAmount: '12.30' })
    expect(res.subCode).toBe('ACQ.TRADE_HAS_CLOSE')
  })

  it('when the time to pay passes, then the order closes by itself', async () => {
    const { sdk, http } = await startAlipay()
    const no = orderNo()
    await exec(sdk, 'alipay.trade.create', create(no, { timeoutExpress: '5m' }))
    await http
      .post('/sandbox/clock')
      .send({ advanceMs: 5 * 60_000 })
      .expect(200)
    expect((await exec(sdk, 'alipay.trade.query', { outTradeNo: no })).tradeStatus).toBe(
      'TRADE_CLOSED',
    )
    expect((await http.post(`/sandbox/payments/${no}/pay`).expect(409)).body.code).toBe(
      'ORDER_EXPIRED',
    )
  })
})

describe('Alipay gateway signatures', () => {
  it('when a request is signed with a key that is not the app key, then 40002 isv.invalid-signature', async () => {
    const { creds } = await startAlipay()
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    })
    const forger = new AlipaySdk({ ...creds, privateKey, alipayPublicKey: creds.alipayPublicKey })
    const res = await exec(forger, 'alipay.trade.query', { outTradeNo: 'X1' })
    expect(res).toMatchObject({
      code: '40002',
      msg: 'Invalid Arguments',
      subCode: 'isv.invalid-signature',
    })
  })

  it('when a signed request is altered in transit, then 40002 isv.invalid-signature', async () => {
    const { creds, http } = await startAlipay()
    const sdk = new AlipaySdk({
      appId: creds.appId,
      privateKey: creds.appPrivateKey,
      gateway: creds.gateway,
    })
    const signed = new URL(
      sdk.pageExecute('alipay.trade.query', 'GET', { bizContent: { out_trade_no: 'A1' } }),
    )
    signed.searchParams.set('biz_content', '{"out_trade_no":"A2"}')
    const res = await http.get(`/gateway.do${signed.search}`).expect(200)
    const body = JSON.parse(res.text)
    expect(body.alipay_trade_query_response).toMatchObject({
      code: '40002',
      sub_code: 'isv.invalid-signature',
    })
  })

  it('when the merchant holds another Alipay public key, then the SDK rejects the sandbox answer', async () => {
    const { creds } = await startAlipay()
    const wrong = new AlipaySdk({
      appId: creds.appId,
      privateKey: creds.appPrivateKey,
      alipayPublicKey: creds.appPublicKey,
      gateway: creds.gateway,
    })
    await expect(exec(wrong, 'alipay.trade.query', { outTradeNo: 'X2' })).rejects.toThrow(
      /验签失败/,
    )
  })

  it('when the method or app id is unknown, then the answer names it as Alipay does', async () => {
    const { http, creds } = await startAlipay()
    const unknownMethod = await http
      .post('/gateway.do')
      .type('form')
      .send({ method: 'alipay.nope' })
    expect(JSON.parse(unknownMethod.text).error_response).toMatchObject({
      code: '40002',
      sub_code: 'isv.invalid-method',
    })
    const sdk = new AlipaySdk({
      ...creds,
      appId: '2021000000000000',
      privateKey: creds.appPrivateKey,
    })
    expect(await exec(sdk, 'alipay.trade.query', { outTradeNo: 'X' })).toMatchObject({
      code: '40002',
      subCode: 'isv.invalid-app-id',
    })
  })

  it('when the PKCS#8 form of the app key is used, then requests verify as well', async () => {
    const { creds } = await startAlipay()
    const sdk = new AlipaySdk({
      appId: creds.appId,
      privateKey: creds.appPrivateKeyPkcs8,
      keyType: 'PKCS8',
      alipayPublicKey: creds.alipayPublicKey,
      gateway: creds.gateway,
    })
    expect((await exec(sdk, 'alipay.trade.query', { outTradeNo: 'X3' })).subCode).toBe(
      'ACQ.TRADE_NOT_EXIST',
    )
  })
})

describe('Alipay gateway in 公钥证书 (certificate) mode', () => {
  const certSdk = (creds: AlipayCredentialsSection) =>
    new AlipaySdk({
      appId: creds.appId,
      privateKey: creds.appPrivateKey,
      appCertContent: creds.appCertPem,
      alipayPublicCertContent: creds.alipayCertPem,
      alipayRootCertContent: creds.alipayRootCertPem,
      gateway: creds.gateway,
    })

  it('when the SDK is configured with the certificates, then the sandbox accepts the serials it computes and names Alipay’s certificate in the signed answer', async () => {
    const { creds, http } = await startAlipay()
    const sdk = certSdk(creds)
    const no = orderNo()
    expect(await exec(sdk, 'alipay.trade.create', create(no))).toMatchObject({ code: '10000' })
    expect((await exec(sdk, 'alipay.trade.query', { outTradeNo: no })).tradeStatus).toBe(
      'WAIT_BUYER_PAY',
    )
    const signed = new URL(
      sdk.pageExecute('alipay.trade.query', 'GET', { bizContent: { out_trade_no: no } }),
    )
    expect(signed.searchParams.get('app_cert_sn')).toMatch(/^[0-9a-f]{32}$/)
    const res = await http.get(`/gateway.do${signed.search}`).expect(200)
    const body = JSON.parse(res.text)
    expect(body.alipay_cert_sn).toBe(sdk.config.alipayCertSn)
    expect(() =>
      sdk.checkResponseSign(res.text, 'alipay_trade_query_response', body.sign, ''),
    ).not.toThrow()
  })

  it('when a public-key mode request comes in, then its answer names no certificate', async () => {
    const { sdk, http } = await startAlipay()
    const signed = new URL(
      sdk.pageExecute('alipay.trade.query', 'GET', { bizContent: { out_trade_no: 'P1' } }),
    )
    const res = await http.get(`/gateway.do${signed.search}`).expect(200)
    expect(JSON.parse(res.text).alipay_cert_sn).toBeUndefined()
  })

  it.each([
    ['app_cert_sn', '0123456789abcdef0123456789abcdef', 'isv.invalid-app-cert-sn'],
    ['alipay_root_cert_sn', '0123456789abcdef0123456789abcdef', 'isv.invalid-alipay-root-cert-sn'],
    ['alipay_root_cert_sn', '', 'isv.missing-alipay-root-cert-sn'],
  ])('when %s is %p, then %s', async (param, value, subCode) => {
    const { creds, http } = await startAlipay()
    const signed = new URL(
      certSdk(creds).pageExecute('alipay.trade.query', 'GET', {
        bizContent: { out_trade_no: 'C1' },
      }),
    )
    signed.searchParams.set(param, value)
    const res = await http.get(`/gateway.do${signed.search}`).expect(200)
    expect(JSON.parse(res.text).alipay_trade_query_response).toMatchObject({ sub_code: subCode })
  })
})
