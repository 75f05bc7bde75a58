import request from 'supertest'
import { startBff, type TestBff } from './harness'
import { FakeCustomers, holder } from './fake-customers'

/** Shaped like the real capabilities, so the routes match and the parsers accept them. */
const SHARE_TOKEN = 'ShArEtOkEn0123456789ab'
const AGENT_TOKEN = 'AgEnTlInK0123456.SiGnAtUrE012'

let bff: TestBff

beforeAll(async () => {
  bff = await startBff({ database: 'sqlite', ports: { customers: new FakeCustomers() } })
})
afterAll(async () => {
  await bff.close()
})

type AccessLine = { msg: string; route?: string; path?: string; params?: Record<string, string> }

/** The access-log lines written since `from`. */
function accessLines(from: number): AccessLine[] {
  return bff.logs
    .slice(from)
    .join('')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as AccessLine)
    .filter((l) => l.msg === 'request')
}

describe('access log', () => {
  test('when pay-share and agent-link routes are called with their tokens, then the log names the route but never the token', async () => {
    const { token } = await bff.login()
    const auth = { authorization: `Bearer ${token}` }
    const from = bff.logs.length
    await request(bff.url).get(`/api/v1/pay-shares/${SHARE_TOKEN}`).set(auth)
    await request(bff.url).get(`/api/v1/pay-shares/${SHARE_TOKEN}/orders/GH00000000000000000001`)
    await request(bff.url)
      .post(`/api/v1/pay-shares/${SHARE_TOKEN}/orders`)
      .set(auth)
      .set('idempotency-key', 'access-log-0001')
      .send({ amountFen: 5000, channel: 'wechatpay' })
    await request(bff.url).get(`/api/v1/agent-links/${AGENT_TOKEN}`).set(auth)
    await request(bff.url).put(`/api/v1/pay-shares/${SHARE_TOKEN}`).set(auth)
    // A mistyped route and a token in a query string.
    await request(bff.url).get(`/api/v1/pay-share/${SHARE_TOKEN}`)
    await request(bff.url).get(`/api/v1/app-info?token=${SHARE_TOKEN}&share=${AGENT_TOKEN}`)

    const all = bff.logs.slice(from).join('')
    expect(all).not.toContain(SHARE_TOKEN)
    expect(all).not.toContain(AGENT_TOKEN)
    const routes = accessLines(from).map((l) => l.route)
    expect(routes).toEqual([
      '/api/v1/pay-shares/:token',
      '/api/v1/pay-shares/:token/orders/:orderNo',
      '/api/v1/pay-shares/:token/orders',
      '/api/v1/agent-links/:token',
      '/api/v1/pay-shares/:token',
      'unmatched',
      '/api/v1/app-info',
    ])
  })

  test('when an account route is called, then its non-secret ids are logged for diagnosis', async () => {
    const { token, userId } = await bff.login()
    await bff.bind(userId, holder.accountNo)
    const from = bff.logs.length
    await request(bff.url)
      .get(`/api/v1/accounts/${holder.accountNo}`)
      .set('authorization', `Bearer ${token}`)
    const [line] = accessLines(from)
    expect(line).toMatchObject({
      route: '/api/v1/accounts/:accountNo',
      params: { accountNo: holder.accountNo },
    })
  })
})
