import { createSign, createVerify, generateKeyPairSync, type KeyObject } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createLogger } from '../src/platform/logger'
import { createMetrics } from '../src/platform/metrics'
import { UpstreamClient } from '../src/platform/upstream-client'
import { AlipayAuthAdapter } from '../src/upstream/alipay/alipay-auth-adapter'
import { AlipayGatewayClient } from '../src/upstream/alipay/alipay-gateway-client'
import { alipaySdk } from '../src/upstream/alipay/alipay-sdk'
import { SmsHttpAdapter } from '../src/upstream/sms/sms-http-adapter'
import { SmsThrottledError } from '../src/upstream/sms/sms-port'
import { WechatHttpAdapter } from '../src/upstream/wechat/wechat-http-adapter'

type Answer = { status?: number; body: string }

/** A fake upstream that records each request URL and answers from `reply`. */
async function fakeUpstream(reply: (url: URL) => Answer) {
  const seen: URL[] = []
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    seen.push(url)
    const answer = reply(url)
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' })
    res.end(answer.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const client = new UpstreamClient({
    port: 'fake',
    baseUrl: base,
    timeoutMs: 500,
    retries: 0,
    logger: createLogger('silent'),
    metrics: createMetrics(),
  })
  return {
    client,
    seen,
    close: async () => {
      await client.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

const creds = async () => ({ appId: 'wxapp', appSecret: 's3cret' })

describe('WeChat code2Session', () => {
  test('when WeChat answers an openid and unionid, then both come back and the call carries the app credentials', async () => {
    const up = await fakeUpstream(() => ({
      body: '{"openid":"oA","session_key":"k","unionid":"uA"}',
    }))
    const wechat = new WechatHttpAdapter(up.client, creds)
    await expect(wechat.code2Session('c1')).resolves.toEqual({ openid: 'oA', unionid: 'uA' })
    expect(up.seen[0]?.pathname).toBe('/sns/jscode2session')
    expect(Object.fromEntries(up.seen[0]?.searchParams ?? [])).toEqual({
      appid: 'wxapp',
      secret: 's3cret',
      js_code: 'c1',
      grant_type: 'authorization_code',
    })
    await up.close()
  })

  test.each([
    [40029, null],
    [40163, null],
  ])(
    'when WeChat answers errcode %i, then the code is simply refused',
    async (errcode, expected) => {
      const up = await fakeUpstream(() => ({ body: JSON.stringify({ errcode, errmsg: 'x' }) }))
      await expect(new WechatHttpAdapter(up.client, creds).code2Session('c')).resolves.toBe(
        expected,
      )
      await up.close()
    },
  )

  test('when WeChat is busy (errcode -1) or the secret is wrong, then a typed upstream error is thrown', async () => {
    const up = await fakeUpstream((url) => ({
      body: JSON.stringify({ errcode: url.searchParams.get('js_code') === 'busy' ? -1 : 40125 }),
    }))
    const wechat = new WechatHttpAdapter(up.client, creds)
    await expect(wechat.code2Session('busy')).rejects.toMatchObject({ kind: 'unavailable' })
    await expect(wechat.code2Session('c')).rejects.toMatchObject({ kind: 'rejected' })
    await up.close()
  })
})

describe('SMS gateway', () => {
  test('when the gateway throttles the phone, then SmsThrottledError is thrown', async () => {
    const up = await fakeUpstream(() => ({ status: 429, body: '{"code":"SMS_RATE_LIMITED"}' }))
    const sms = new SmsHttpAdapter(up.client)
    await expect(
      sms.send('13900000000', 'login_code', { code: '123456' }, 'k-12345678'),
    ).rejects.toBeInstanceOf(SmsThrottledError)
    await up.close()
  })
})

describe('Alipay gateway', () => {
  const app = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const alipay = generateKeyPairSync('rsa', { modulusLength: 2048 })
  // The fake gateway is Alipay's side: it signs and verifies on its own, as the sandbox does.
  const signContent = (params: Record<string, string>) =>
    Object.keys(params)
      .filter((k) => k !== 'sign' && params[k] !== '')
      .sort()
      .map((k) => `${k}=${params[k]}`)
      .join('&')
  const rsa2Sign = (text: string, key: KeyObject) =>
    createSign('RSA-SHA256').update(text, 'utf8').sign(key, 'base64')
  const rsa2Verify = (text: string, signature: string, key: KeyObject) =>
    createVerify('RSA-SHA256').update(text, 'utf8').verify(key, signature, 'base64')
  const credentials = alipaySdk(async () => ({
    appId: '2021000000000001',
    appPrivateKey: String(app.privateKey.export({ type: 'pkcs1', format: 'pem' })),
    alipayPublicKey: String(alipay.publicKey.export({ type: 'spki', format: 'pem' })),
  }))

  /** A gateway that checks our request signature and signs its answer, or tampers with it. */
  function gateway(mode: 'ok' | 'tampered' | 'code-invalid') {
    return fakeUpstream((url) => {
      const params = Object.fromEntries(url.searchParams)
      const validRequest = rsa2Verify(signContent(params), params.sign ?? '', app.publicKey)
      if (!validRequest || mode === 'code-invalid') {
        const inner = '{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.code-invalid"}'
        return { body: `{"error_response":${inner},"sign":"x"}` }
      }
      const inner = JSON.stringify({ user_id: '2088000000000001', access_token: 't' })
      const sign = rsa2Sign(mode === 'tampered' ? `${inner} ` : inner, alipay.privateKey)
      return { body: `{"alipay_system_oauth_token_response":${inner},"sign":"${sign}"}` }
    })
  }

  test('when the request is signed and the answer verifies, then the user id comes back', async () => {
    const up = await gateway('ok')
    const adapter = new AlipayAuthAdapter(
      new AlipayGatewayClient(up.client, '/gateway.do', credentials),
    )
    await expect(adapter.exchangeAuthCode('code-1')).resolves.toEqual({
      subject: '2088000000000001',
    })
    expect(up.seen[0]?.searchParams.get('timestamp')).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
    )
    await up.close()
  })

  test('when the answer signature does not verify, then it is rejected as a bad response', async () => {
    const up = await gateway('tampered')
    const adapter = new AlipayAuthAdapter(
      new AlipayGatewayClient(up.client, '/gateway.do', credentials),
    )
    await expect(adapter.exchangeAuthCode('code-1')).rejects.toMatchObject({ kind: 'bad_response' })
    await up.close()
  })

  test('when the auth code is invalid, then the login is refused without an error', async () => {
    const up = await gateway('code-invalid')
    const adapter = new AlipayAuthAdapter(
      new AlipayGatewayClient(up.client, '/gateway.do', credentials),
    )
    await expect(adapter.exchangeAuthCode('used')).resolves.toBeNull()
    await up.close()
  })
})
