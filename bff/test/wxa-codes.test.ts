import jsQR from 'jsqr'
import sharp from 'sharp'
import { randomNamespace } from './auth-fakes'
import { startCoreSandbox, type CoreSandbox } from './core-sandbox'
import { startBff, type TestBff } from './harness'
import type { WxaCodePort } from '../src/upstream/wechat/wechat-port'

/** wxacode.getUnlimited through the WeChat port, against the core sandbox's WeChat. */
let core: CoreSandbox
let bff: TestBff
let codes: WxaCodePort
const namespace = randomNamespace()

beforeAll(async () => {
  core = await startCoreSandbox('wxa-codes')
  bff = await startBff({
    upstreamUrl: core.url,
    now: core.now,
    env: { RATE_LIMIT_NAMESPACE: namespace },
  })
  const port = bff.container.ports.wxaCodes
  if (!port) throw new Error('a mini-program is configured outside production')
  codes = port
}, 30_000)
afterAll(async () => {
  await bff?.close()
  await core?.close()
})

async function decode(png: Buffer): Promise<URL> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  const found = jsQR(new Uint8ClampedArray(data), info.width, info.height)
  return new URL(found?.data ?? 'about:blank')
}

test('when a code is asked for a scene and page, then the PNG decodes to that scene and page', async () => {
  const png = await codes.getUnlimitedQrCode({
    scene: 'AbCdEfGhIjKlMnOp.qrstuvwxyz01',
    page: 'pages/bind/index',
    envVersion: 'develop',
  })
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  const content = await decode(png)
  expect(content.searchParams.get('scene')).toBe('AbCdEfGhIjKlMnOp.qrstuvwxyz01')
  expect(content.searchParams.get('page')).toBe('pages/bind/index')
  expect(content.searchParams.get('env_version')).toBe('develop')
})

test('when the shared access token was retired, then the code is made with a new one after one retry', async () => {
  await bff.container.redis.set(`${namespace}:wechat:access-token`, 'retired-token')
  const png = await codes.getUnlimitedQrCode({
    scene: 'x=1',
    page: 'pages/index/index',
    envVersion: 'release',
  })
  expect((await decode(png)).searchParams.get('scene')).toBe('x=1')
  expect(await bff.container.redis.get(`${namespace}:wechat:access-token`)).not.toBe(
    'retired-token',
  )
})

test('when the scene is longer than 32 characters or the page carries a query, then it is refused before WeChat is asked', async () => {
  await expect(
    codes.getUnlimitedQrCode({
      scene: 'x'.repeat(33),
      page: 'pages/bind/index',
      envVersion: 'release',
    }),
  ).rejects.toMatchObject({ kind: 'rejected' })
  await expect(
    codes.getUnlimitedQrCode({ scene: 'ok', page: '/pages/bind/index?a=1', envVersion: 'release' }),
  ).rejects.toMatchObject({ kind: 'rejected' })
})
