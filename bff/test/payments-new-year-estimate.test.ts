import request from 'supertest'
import { randomNamespace } from './auth-fakes'
import { startCoreSandbox, type CoreSandbox } from './core-sandbox'
import { startBff, type TestBff } from './harness'

/**
 * "约可用 N 天" across a new year: the BFF is on 1 January while the meter system's clock, a few
 * days behind, is still in December, so its latest monthly readings are all last year's.
 */
const DAY_MS = 24 * 3600_000
const IOT = '1000000001'

let core: CoreSandbox
let bff: TestBff
let token: string

beforeAll(async () => {
  core = await startCoreSandbox('payments-new-year', {
    clockStart: new Date('2026-12-28T10:00:00+08:00'),
  })
  bff = await startBff({
    upstreamUrl: core.url,
    database: 'sqlite',
    now: () => new Date(core.now().getTime() + 4 * DAY_MS),
    env: { RATE_LIMIT_NAMESPACE: randomNamespace() },
  })
  const session = await bff.login()
  token = session.token
  await bff.bind(session.userId, IOT)
}, 30_000)
afterAll(async () => {
  await bff?.close()
  await core?.close()
})

test('when the BFF is in the new year and the meter’s latest readings are last year’s, then the IoT resident still sees how many days the balance lasts', async () => {
  const res = await request(bff.url)
    .get(`/api/v1/accounts/${IOT}/payment-options`)
    .set('authorization', `Bearer ${token}`)
    .expect(200)
  expect(res.body.daysOfGasNow).toEqual(expect.any(Number))
  expect(res.body.daysOfGasNow).toBeGreaterThan(0)
  const presets = res.body.recharge.presets as { daysOfGas: number | null }[]
  expect(presets.length).toBeGreaterThan(0)
  for (const preset of presets) expect(preset.daysOfGas).toEqual(expect.any(Number))
})
