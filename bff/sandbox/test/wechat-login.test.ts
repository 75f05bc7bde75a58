import { inflateSync } from 'node:zlib'
import QRCode from 'qrcode'
import { closeAll, startSandbox, type Running } from './helpers'
import { WechatPayCredentials } from './wechatpay-support'

afterEach(closeAll)

function gridOf(text: string): boolean[] {
  return [...QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.data].map((m) => m === 1)
}

/** Samples the centre of every module of a sandbox code: RGBA, `modules` wide, 2-module margin. */
function modulesOf(png: Buffer, modules: number): boolean[] {
  const width = png.readUInt32BE(16)
  const idat: Buffer[] = []
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at)
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT')
      idat.push(png.subarray(at + 8, at + 8 + length))
    at += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  const total = modules + 4
  const centre = (m: number) => Math.floor(((m + 2.5) * width) / total)
  const grid: boolean[] = []
  for (let y = 0; y < modules; y++) {
    for (let x = 0; x < modules; x++) {
      grid.push(raw[centre(y) * (1 + width * 4) + 1 + centre(x) * 4] === 0)
    }
  }
  return grid
}

async function start(): Promise<Running & { appid: string; secret: string }> {
  const running = await startSandbox()
  const res = await running.http.get('/sandbox/credentials').expect(200)
  const creds = WechatPayCredentials.parse(res.body.wechatpay)
  return { ...running, appid: creds.appid, secret: creds.appSecret }
}

function session(
  sb: { http: Running['http']; appid: string; secret: string },
  code: string,
  secret = sb.secret,
) {
  return sb.http
    .get('/sns/jscode2session')
    .query({ appid: sb.appid, secret, js_code: code, grant_type: 'authorization_code' })
    .expect(200)
}

async function accessToken(sb: {
  http: Running['http']
  appid: string
  secret: string
}): Promise<string> {
  const res = await sb.http
    .get('/cgi-bin/token')
    .query({ grant_type: 'client_credential', appid: sb.appid, secret: sb.secret })
    .expect(200)
  expect(res.body.expires_in).toBe(7200)
  return String(res.body.access_token)
}

describe('WeChat login (jscode2session)', () => {
  it('when sandbox-<name> codes are exchanged, then each name is always the same resident and names differ', async () => {
    const sb = await start()
    const first = await session(sb, 'sandbox-wangjianguo')
    const again = await session(sb, 'sandbox-wangjianguo')
    const other = await session(sb, 'sandbox-zhouming')
    expect(first.body.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/)
    expect(again.body.openid).toBe(first.body.openid)
    expect(again.body.unionid).toBe(first.body.unionid)
    expect(other.body.openid).not.toBe(first.body.openid)
    expect(Buffer.from(String(first.body.session_key), 'base64')).toHaveLength(16)
    const restarted = await start()
    expect((await session(restarted, 'sandbox-wangjianguo')).body.openid).toBe(first.body.openid)
  })

  it('when a code is garbage, used twice or older than 5 minutes, then 40029 / 40163 as on WeChat', async () => {
    const sb = await start()
    expect((await session(sb, 'garbage')).body).toEqual({ errcode: 40029, errmsg: 'invalid code' })
    const issue = async () =>
      String(
        (await sb.http.post('/sandbox/wechat/login-code').send({ name: '孙桂兰' }).expect(200)).body
          .code,
      )
    const code = await issue()
    const used = await session(sb, code)
    expect(used.body.openid).toBe((await session(sb, 'sandbox-孙桂兰')).body.openid)
    expect((await session(sb, code)).body.errcode).toBe(40163)
    const stale = await issue()
    sb.sandbox.state.clock.advance(5 * 60_000 + 1)
    expect((await session(sb, stale)).body.errcode).toBe(40029)
  })

  it('when the appsecret is wrong, then 40125 and no session', async () => {
    const sb = await start()
    const res = await session(sb, 'sandbox-x', 'f'.repeat(32))
    expect(res.body).toEqual({ errcode: 40125, errmsg: 'invalid appsecret' })
  })
})

describe('subscription messages and mini-program codes', () => {
  it('when a subscription message is sent with a valid token, then it is recorded for that openid only', async () => {
    const sb = await start()
    const token = await accessToken(sb)
    const openid = String((await session(sb, 'sandbox-liuyang')).body.openid)
    const send = (t: string, body: object) =>
      sb.http
        .post('/cgi-bin/message/subscribe/send')
        .query({ access_token: t })
        .send(body)
        .expect(200)
    const message = {
      touser: openid,
      template_id: 'TPL_REPAIR_PROGRESS',
      page: 'pages/repairs/detail?id=1',
      data: { thing1: { value: '师傅已出发' }, time2: { value: '2026-11-26 10:00' } },
    }
    expect((await send(token, message)).body).toMatchObject({ errcode: 0, errmsg: 'ok' })
    expect((await send('bad-token', message)).body.errcode).toBe(40001)
    const tooLong = {
      ...message,
      data: { thing1: { value: '一二三四五六七八九十一二三四五六七八九十一' } },
    }
    expect((await send(token, tooLong)).body.errcode).toBe(47003)

    const inbox = await sb.http.get('/sandbox/subscribe-messages').query({ openid }).expect(200)
    expect(inbox.body.items).toEqual([
      expect.objectContaining({
        touser: openid,
        templateId: 'TPL_REPAIR_PROGRESS',
        data: message.data,
      }),
    ])
    const nobody = await sb.http
      .get('/sandbox/subscribe-messages')
      .query({ openid: 'o'.padEnd(28, 'x') })
    expect(nobody.body.items).toEqual([])
  })

  it('when getUnlimited is called, then a PNG QR code of the asked width encodes a sandbox URL with scene and page', async () => {
    const sb = await start()
    const token = await accessToken(sb)
    const res = await sb.http
      .post('/wxa/getwxacodeunlimit')
      .query({ access_token: token })
      .send({ scene: 'a=1000000001&t=pay', page: 'pages/bills/index', width: 430 })
      .expect(200)
    expect(res.headers['content-type']).toBe('image/png')
    const png = res.body as Buffer
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    )
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([430, 430])
    // No QR decoder is installed: read the module grid back and compare it with the expected URL's.
    const expected = `${sb.url}/sandbox/wxacode?scene=a%3D1000000001%26t%3Dpay&page=pages%2Fbills%2Findex&env_version=release`
    const modules = Math.sqrt(gridOf(expected).length)
    expect(modulesOf(png, modules)).toEqual(gridOf(expected))
    expect(modulesOf(png, modules)).not.toEqual(gridOf(expected.replace('pay', 'bill')))

    const tooLong = await sb.http
      .post('/wxa/getwxacodeunlimit')
      .query({ access_token: token })
      .send({ scene: 'x'.repeat(33) })
      .expect(200)
    expect(tooLong.body.errcode).toBe(40169)
    const target = await sb.http
      .get('/sandbox/wxacode')
      .query({ scene: 'a=1', page: 'pages/bills/index' })
    expect(target.body).toEqual({ scene: 'a=1', page: 'pages/bills/index', envVersion: 'release' })
  })
})

describe('credentials', () => {
  it('when credentials are fetched outside production, then the WeChat Pay section is complete; in production it is hidden', async () => {
    const sb = await start()
    const res = await sb.http.get('/sandbox/credentials').expect(200)
    const creds = WechatPayCredentials.parse(res.body.wechatpay)
    expect(creds.baseUrl).toBe(`${sb.url}/wechatpay/`)
    expect(creds.wechatpayPublicKeyId).toMatch(/^PUB_KEY_ID_\d{36}$/)
    expect(creds.merchantCertificateSerial).toMatch(/^[0-9A-F]{40}$/)
    expect(creds.apiV3Key).toHaveLength(32)
    const prod = await startSandbox({ config: { nodeEnv: 'production' } })
    await prod.http.get('/sandbox/credentials').expect(404)
    await prod.http.post('/sandbox/wechat/login-code').send({ name: 'x' }).expect(404)
  })
})
