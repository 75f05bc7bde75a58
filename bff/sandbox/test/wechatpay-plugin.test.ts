import { createHash } from 'node:crypto'
import { Aes, Formatter } from 'wechatpay-axios-plugin'
import {
  Certificates,
  PrepayResponse,
  Refund,
  TradeBillResponse,
  Transaction,
} from '../../contracts/wechatpay'
import { shanghaiMs } from '../clock'
import type { SerialMode } from '../ports/wechatpay/signing'
import { closeAll } from './helpers'
import { Receiver, jsapiOrder, pluginClient, startWechatPay } from './wechatpay-support'

let receiver: Receiver
beforeEach(async () => {
  receiver = await new Receiver().start()
})
afterEach(async () => {
  await closeAll()
  await receiver.stop()
})

/** Parsing strips unknown fields, so equality also catches fields the contract does not name. */
function conforms<T>(schema: { parse(input: unknown): T }, body: unknown): T {
  const parsed = schema.parse(body)
  expect(parsed).toEqual(body)
  return parsed
}

const modes: SerialMode[] = ['platform_certificate', 'public_key']

describe.each(modes)('wechatpay-axios-plugin against the sandbox, serial mode %s', (mode) => {
  it('when it creates, queries and closes an order, then every signed answer is accepted', async () => {
    const { creds } = await startWechatPay(mode)
    const wxpay = pluginClient(creds, mode)
    const created = await wxpay
      .chain('v3/pay/transactions/jsapi')
      .post(jsapiOrder(creds, 'GH202611260001', receiver.url))
    expect(created.headers['wechatpay-serial']).toBe(
      mode === 'public_key' ? creds.wechatpayPublicKeyId : creds.platformCertificateSerial,
    )
    expect(conforms(PrepayResponse, created.data).prepay_id).toMatch(/^wx\d{14}\w{20}$/)

    const query = () =>
      wxpay.chain('v3/pay/transactions/out-trade-no/{out_trade_no}').get({
        params: { mchid: creds.mchid },
        out_trade_no: 'GH202611260001',
      })
    expect(conforms(Transaction, (await query()).data)).toMatchObject({
      trade_state: 'NOTPAY',
      amount: { total: 3000, currency: 'CNY' },
    })

    const closed = await wxpay
      .chain('v3/pay/transactions/out-trade-no/{out_trade_no}/close')
      .post({ mchid: creds.mchid }, { out_trade_no: 'GH202611260001' })
    expect(closed.status).toBe(204)
    expect(conforms(Transaction, (await query()).data).trade_state).toBe('CLOSED')
  })

  it('when a paid order is refunded and the day is over, then the refund and the bill come back verified', async () => {
    const { creds, http, sandbox } = await startWechatPay(mode)
    const wxpay = pluginClient(creds, mode)
    await wxpay
      .chain('v3/pay/transactions/jsapi')
      .post(jsapiOrder(creds, 'GH202611260002', receiver.url, 5000))
    await http.post('/sandbox/payments/GH202611260002/pay').expect(200)

    // Order numbers go in as parameters: the plugin kebab-cases upper-case path segments.
    const paid = await wxpay.chain('v3/pay/transactions/out-trade-no/{out_trade_no}').get({
      params: { mchid: creds.mchid },
      out_trade_no: 'GH202611260002',
    })
    const tx = conforms(Transaction, paid.data)
    expect(tx).toMatchObject({ trade_state: 'SUCCESS', amount: { total: 5000, payer_total: 5000 } })
    expect(tx.transaction_id).toMatch(/^4200\d{24}$/)

    const refund = await wxpay.chain('v3/refund/domestic/refunds').post({
      out_trade_no: 'GH202611260002',
      out_refund_no: 'RF202611260002',
      reason: '计量失败',
      notify_url: receiver.url,
      amount: { refund: 2000, total: 5000, currency: 'CNY' },
    })
    expect(conforms(Refund, refund.data)).toMatchObject({
      status: 'PROCESSING',
      amount: { refund: 2000 },
    })
    await sandbox.state.ports.wechatpay.pay.notifier.idle()
    await http.post('/sandbox/notifications/flush').expect(204)
    const later = await wxpay.chain('v3/refund/domestic/refunds/{out_refund_no}').get({
      out_refund_no: 'RF202611260002',
    })
    expect(conforms(Refund, later.data).status).toBe('SUCCESS')

    const paidAt = new Date(tx.success_time ?? '')
    const billDate = tx.success_time?.slice(0, 10) ?? ''
    const [y, m, d] = billDate.split('-').map(Number)
    sandbox.state.clock.set(new Date(shanghaiMs(y ?? 0, m ?? 0, (d ?? 0) + 1, 10, 30)))
    expect(paidAt.getTime()).toBeLessThan(sandbox.state.clock.nowMs())

    const bill = conforms(
      TradeBillResponse,
      (
        await wxpay
          .chain('v3/bill/tradebill')
          .get({ params: { bill_date: billDate, bill_type: 'ALL' } })
      ).data,
    )
    const token = new URL(bill.download_url).searchParams.get('token')
    const file = await wxpay
      .chain('v3/billdownload/file')
      .get({ params: { token }, responseType: 'arraybuffer' })
    const bytes = Buffer.from(file.data as ArrayBuffer)
    expect(createHash('sha1').update(bytes).digest('hex')).toBe(bill.hash_value)

    const { rows, summary } = Formatter.castCsvBill(bytes) as {
      rows: Record<string, string>[]
      summary: Record<string, string>
    }
    expect(rows).toEqual([
      expect.objectContaining({
        商户订单号: 'GH202611260002',
        交易状态: 'SUCCESS',
        订单金额: '50.00',
      }),
      expect.objectContaining({
        商户退款单号: 'RF202611260002',
        交易状态: 'REFUND',
        退款金额: '20.00',
      }),
    ])
    expect(summary).toMatchObject({ 总交易单数: '2', 应结订单总金额: '50.00', 退款总金额: '20.00' })
  })

  it('when the client trusts a different key than the one signing, then it rejects the answer', async () => {
    const { creds } = await startWechatPay(mode)
    const other: SerialMode = mode === 'public_key' ? 'platform_certificate' : 'public_key'
    const wrongSerial = pluginClient(creds, other)
    await expect(
      wrongSerial
        .chain('v3/pay/transactions/jsapi')
        .post(jsapiOrder(creds, 'GH202611260003', receiver.url)),
    ).rejects.toMatchObject({ code: 'EV3_RES_HEADER_PLATFORM_SERIAL' })

    const serial =
      mode === 'public_key' ? creds.wechatpayPublicKeyId : creds.platformCertificateSerial
    const wrongKey = pluginClient(
      {
        ...creds,
        wechatpayPublicKeyId: serial,
        platformCertificateSerial: serial,
        wechatpayPublicKeyPem: creds.merchantCertificatePem,
        platformCertificatePem: creds.merchantCertificatePem,
      },
      mode,
    )
    await expect(
      wrongKey
        .chain('v3/pay/transactions/jsapi')
        .post(jsapiOrder(creds, 'GH202611260004', receiver.url)),
    ).rejects.toMatchObject({ code: 'EV3_RES_HEADER_SIGNATURE_DIGEST' })
  })
})

describe('platform certificates', () => {
  it('when /v3/certificates is fetched, then the APIv3 key decrypts the platform certificate and a wrong key cannot', async () => {
    const { creds } = await startWechatPay('platform_certificate')
    const res = await pluginClient(creds, 'platform_certificate').chain('v3/certificates').get()
    const [entry] = conforms(Certificates, res.data).data
    expect(entry?.serial_no).toBe(creds.platformCertificateSerial)
    const { ciphertext, nonce, associated_data } = entry?.encrypt_certificate ?? {
      ciphertext: '',
      nonce: '',
      associated_data: '',
    }
    expect(Aes.AesGcm.decrypt(ciphertext, creds.apiV3Key, nonce, associated_data)).toBe(
      creds.platformCertificatePem,
    )
    const wrongKey = creds.apiV3Key.split('').reverse().join('')
    expect(() => Aes.AesGcm.decrypt(ciphertext, wrongKey, nonce, associated_data)).toThrow()
  })
})
