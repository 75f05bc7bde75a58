import { inflateRawSync } from 'node:zlib'
import { exec, orderNo, BUYER_ID, startAlipay } from './alipay-fixtures'
import { closeAll } from './helpers'

afterEach(closeAll)

/** The entries of a ZIP archive, read from its local headers. */
function unzip(archive: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  let at = 0
  while (archive.readUInt32LE(at) === 0x04034b50) {
    const size = archive.readUInt32LE(at + 18)
    const nameLength = archive.readUInt16LE(at + 26)
    const extraLength = archive.readUInt16LE(at + 28)
    const name = archive.subarray(at + 30, at + 30 + nameLength).toString('utf8')
    const start = at + 30 + nameLength + extraLength
    files.set(name, inflateRawSync(archive.subarray(start, start + size)))
    at = start + size
  }
  return files
}

describe('Alipay login: alipay.system.oauth.token', () => {
  const token = (code: string) => ({ grantType: 'authorization_code', code })

  it('when a sandbox-<name> code is exchanged twice, then it is the same person both times', async () => {
    const { sdk } = await startAlipay()
    const first = await sdk.exec('alipay.system.oauth.token', token('sandbox-zhou'), {
      validateSign: true,
    })
    const again = await sdk.exec('alipay.system.oauth.token', token('sandbox-zhou'), {
      validateSign: true,
    })
    const other = await sdk.exec('alipay.system.oauth.token', token('sandbox-wang'))
    expect(first.userId).toMatch(/^2088\d{12}$/)
    expect(first.openId).toMatch(/^0[A-Za-z0-9]{46}$/)
    expect(again).toMatchObject({ userId: first.userId, openId: first.openId })
    expect(other.userId).not.toBe(first.userId)
    expect(first.accessToken).not.toBe(again.accessToken)
  })

  it('when an issued code is used a second time, then error_response 40002 isv.code-invalid', async () => {
    const { sdk, http } = await startAlipay()
    const issued = await http.post('/sandbox/alipay/auth-code').send({ name: 'zhou' }).expect(200)
    expect(issued.body.expiresIn).toBe(300)
    const first = await sdk.exec('alipay.system.oauth.token', token(issued.body.authCode), {
      validateSign: true,
    })
    const named = await sdk.exec('alipay.system.oauth.token', token('sandbox-zhou'))
    expect(first.userId).toBe(named.userId)
    // No validateSign: alipay-sdk 4.14 cannot cut an `error_response` out for verification.
    const second = await sdk.exec('alipay.system.oauth.token', token(issued.body.authCode))
    expect(second).toMatchObject({ code: '40002', subCode: 'isv.code-invalid' })
    const signed = new URL(
      sdk.pageExecute('alipay.system.oauth.token', 'GET', token(issued.body.authCode)),
    )
    const raw = await http.get(`/gateway.do${signed.search}`).expect(200)
    expect(Object.keys(JSON.parse(raw.text))).toEqual(['error_response', 'sign'])
  })

  it.each([
    ['was never issued', 'abc123', 0],
    ['has expired', undefined, 301_000],
  ])('when a code %s, then 40002 isv.code-invalid', async (_, fixed, waitMs) => {
    const { sdk, http } = await startAlipay()
    const code =
      fixed ?? (await http.post('/sandbox/alipay/auth-code').send({ name: 'li' })).body.authCode
    if (waitMs > 0) await http.post('/sandbox/clock').send({ advanceMs: waitMs }).expect(200)
    const res = await sdk.exec('alipay.system.oauth.token', token(code))
    expect(res).toMatchObject({ code: '40002', subCode: 'isv.code-invalid' })
  })

  it('when a refresh token is used, then it yields the same person once', async () => {
    const { sdk } = await startAlipay()
    const first = await sdk.exec('alipay.system.oauth.token', token('sandbox-li'))
    const refresh = { grantType: 'refresh_token', refreshToken: first.refreshToken }
    expect((await sdk.exec('alipay.system.oauth.token', refresh)).userId).toBe(first.userId)
    expect((await sdk.exec('alipay.system.oauth.token', refresh)).subCode).toBe(
      'isv.refresh-token-invalid',
    )
  })
})

describe('Alipay trade bill: alipay.data.dataservice.bill.downloadurl.query', () => {
  it('when yesterday had a payment and a refund, then the zip holds GBK CSV lines for both', async () => {
    const { sdk, http } = await startAlipay()
    await http.post('/sandbox/clock').send({ set: '2026-12-01T10:00:00+08:00' }).expect(200)
    const no = orderNo()
    await exec(sdk, 'alipay.trade.create', {
      outTradeNo: no,
      totalAmount: '50.00',
      subject: '燃气充值',
      buyerId: BUYER_ID,
    })
    await http.post(`/sandbox/payments/${no}/pay`).expect(200)
    await exec(sdk, 'alipay.trade.refund', {
      outTradeNo: no,
      refundAmount: '20.00',
      outRequestNo: 'RF1',
    })

    const today = await exec(sdk, 'alipay.data.dataservice.bill.downloadurl.query', {
      billType: 'trade',
      billDate: '2026-12-01',
    })
    expect(today).toMatchObject({ code: '40004', subCode: 'isp.bill_not_exist' })

    await http.post('/sandbox/clock').send({ advanceMs: 86_400_000 }).expect(200)
    const res = await exec(sdk, 'alipay.data.dataservice.bill.downloadurl.query', {
      billType: 'trade',
      billDate: '2026-12-01',
    })
    expect(res.code).toBe('10000')
    const url = new URL(res.billDownloadUrl)
    const download = await http
      .get(url.pathname + url.search)
      .buffer(true)
      .expect(200)
    const files = unzip(download.body as Buffer)
    const names = [...files.keys()]
    expect(names).toEqual([
      expect.stringMatching(/_20261201_业务明细\.csv$/),
      expect.stringMatching(/_业务明细\(汇总\)\.csv$/),
    ])
    const detail = new TextDecoder('gbk').decode(files.get(names[0] ?? ''))
    const rows = detail.split('\r\n').filter((line) => !line.startsWith('#'))
    expect(rows[0]).toContain('支付宝交易号,商户订单号,业务类型')
    const cells = rows.slice(1).map((row) => row.split(',').map((cell) => cell.trim()))
    expect(cells.map((c) => [c[1], c[2], c[11], c[21]])).toEqual([
      [no, '交易', '50.00', ''],
      [no, '退款', '-20.00', 'RF1'],
    ])
    expect(detail).toContain('#交易合计：1笔，退款合计：1笔')
  })

  it('when the bill date is not a date, then ACQ.INVALID_PARAMETER', async () => {
    const { sdk } = await startAlipay()
    const res = await exec(sdk, 'alipay.data.dataservice.bill.downloadurl.query', {
      billType: 'trade',
      billDate: '2026/12/01',
    })
    expect(res.subCode).toBe('ACQ.INVALID_PARAMETER')
  })
})
