import { WechatPayError } from '../../contracts/wechatpay'
import { closeAll } from './helpers'
import {
  authorization,
  jsapiOrder,
  pluginClient,
  startWechatPay,
  verifiedBy,
  type WechatPaySandbox,
} from './wechatpay-support'

afterEach(closeAll)

const PATH = '/wechatpay/v3/pay/transactions/jsapi'

function orderBody(sb: WechatPaySandbox, outTradeNo: string): string {
  return JSON.stringify(jsapiOrder(sb.creds, outTradeNo, 'http://127.0.0.1:9/notify'))
}

async function post(sb: WechatPaySandbox, body: string, auth: string) {
  return sb.http
    .post(PATH)
    .set('Authorization', auth)
    .set('Content-Type', 'application/json')
    .send(body)
}

/** Every rejection is a signed WeChat error: the merchant can trust even the bad news. */
function expectSignError(
  sb: WechatPaySandbox,
  res: { status: number; text: string; headers: Record<string, string> },
) {
  expect(res.status).toBe(401)
  expect(WechatPayError.parse(JSON.parse(res.text)).code).toBe('SIGN_ERROR')
  expect(verifiedBy(sb.creds, res.headers, res.text)).toBe(true)
}

describe('WeChat Pay request verification', () => {
  it('when a request is signed correctly, then it succeeds and the answer is signed over its exact bytes', async () => {
    const sb = await startWechatPay()
    const body = orderBody(sb, 'GH202611260101')
    const res = await post(sb, body, authorization(sb.creds, 'POST', PATH, body))
    expect(res.status).toBe(200)
    expect(verifiedBy(sb.creds, res.headers, res.text)).toBe(true)
    expect(verifiedBy(sb.creds, res.headers, `${res.text} `)).toBe(false)
  })

  it('when the signature is tampered with, then 401 SIGN_ERROR', async () => {
    const sb = await startWechatPay()
    const body = orderBody(sb, 'GH202611260102')
    const auth = authorization(sb.creds, 'POST', PATH, body).replace(
      /signature="(.)/,
      (_, c: string) => `signature="${c === 'A' ? 'B' : 'A'}`,
    )
    const res = await post(sb, body, auth)
    expectSignError(sb, res)
    expect(res.body.detail).toMatchObject({
      field: 'signature',
      detail: { issue: 'sign not match' },
    })
  })

  it('when the body is changed after signing, then 401 SIGN_ERROR', async () => {
    const sb = await startWechatPay()
    const body = orderBody(sb, 'GH202611260103')
    const res = await post(
      sb,
      body.replace('3000', '1'),
      authorization(sb.creds, 'POST', PATH, body),
    )
    expectSignError(sb, res)
  })

  it('when the timestamp is more than 300 s old or ahead, then 401 SIGN_ERROR on the timestamp', async () => {
    const sb = await startWechatPay()
    const now = Math.floor(Date.now() / 1000)
    for (const timestamp of [now - 301, now + 301]) {
      const body = orderBody(sb, `GH2026112601${timestamp % 100}`)
      const res = await post(sb, body, authorization(sb.creds, 'POST', PATH, body, { timestamp }))
      expectSignError(sb, res)
      expect(res.body.detail).toMatchObject({ field: 'timestamp' })
    }
    const body = orderBody(sb, 'GH202611260104')
    const ok = await post(
      sb,
      body,
      authorization(sb.creds, 'POST', PATH, body, { timestamp: now - 250 }),
    )
    expect(ok.status).toBe(200)
  })

  it('when a signed request is replayed with the same nonce, then the replay gets 401 SIGN_ERROR', async () => {
    const sb = await startWechatPay()
    const body = orderBody(sb, 'GH202611260105')
    const auth = authorization(sb.creds, 'POST', PATH, body, { nonce: 'replayed-nonce-0001' })
    expect((await post(sb, body, auth)).status).toBe(200)
    const replay = await post(sb, body, auth)
    expectSignError(sb, replay)
    expect(replay.body.detail).toMatchObject({ field: 'nonce_str' })
  })

  it('when the serial names no merchant certificate or the header is missing, then 401 SIGN_ERROR', async () => {
    const sb = await startWechatPay()
    const body = orderBody(sb, 'GH202611260106')
    const unknown = authorization(sb.creds, 'POST', PATH, body, {
      serial: '7132D72A03E93CDDF8C03BBD1F37EEDF00000000',
    })
    expectSignError(sb, await post(sb, body, unknown))
    expectSignError(sb, await post(sb, body, ''))
  })

  it('when the query string is not the one signed, then 401 SIGN_ERROR', async () => {
    const sb = await startWechatPay()
    const path = `/v3/pay/transactions/out-trade-no/GH202611260107?mchid=${sb.creds.mchid}`
    const auth = authorization(sb.creds, 'GET', path, '')
    const res = await sb.http.get(`${path}&x=1`).set('Authorization', auth)
    expectSignError(sb, res)
    const known = await sb.http.get(path).set('Authorization', auth)
    expect(known.status).toBe(404)
    expect(known.body.code).toBe('ORDER_NOT_EXIST')
  })

  it('when the plugin sends a request, then the sandbox accepts its signature at the real root path too', async () => {
    const sb = await startWechatPay('public_key')
    const wxpay = pluginClient({ ...sb.creds, baseUrl: `${sb.url}/` }, 'public_key')
    const res = await wxpay
      .chain('v3/pay/transactions/jsapi')
      .post(jsapiOrder(sb.creds, 'GH202611260108', 'http://127.0.0.1:9/n'))
    expect(res.status).toBe(200)
  })
})
