import { randomUUID } from 'node:crypto'
import request from 'supertest'
import { startBff, type TestBff } from './harness'
import { FakeCustomers, holder } from './fake-customers'
import { idemKey, randomNamespace } from './auth-fakes'

const OPS_TOKEN = `ops-${randomUUID()}`
let bff: TestBff

beforeAll(async () => {
  bff = await startBff({
    ports: { customers: new FakeCustomers([holder]) },
    env: { RATE_LIMIT_NAMESPACE: randomNamespace(), OPS_TOKEN },
  })
})
afterAll(async () => {
  await bff.close()
})

const as = (token: string) => ({ authorization: `Bearer ${token}` })

async function issue(body: object = {}, key = idemKey()) {
  return request(bff.url)
    .post('/ops/agent-links')
    .set(as(OPS_TOKEN))
    .set('idempotency-key', key)
    .send({ accountNo: holder.accountNo, page: 'recharge', agentName: '客服 0231', ...body })
}

test('when an agent issues a link and the resident confirms it, then the account is bound as owner and the page opens with it', async () => {
  const link = await issue()
  expect(link.status).toBe(201)
  expect(link.body.path).toBe(`/pages/bind/index?agentLink=${link.body.token}`)
  expect(link.body.token.length).toBeLessThanOrEqual(32)
  const resident = await bff.login()

  const view = await request(bff.url)
    .get(`/api/v1/agent-links/${link.body.token}`)
    .set(as(resident.token))
  expect(view.status).toBe(200)
  expect(view.body).toMatchObject({
    accountNoMasked: '100****001',
    page: 'recharge',
    agentName: '客服 0231',
    alreadyBound: false,
  })
  expect(JSON.stringify(view.body)).not.toContain(holder.holderName)

  const redeemed = await request(bff.url)
    .post(`/api/v1/agent-links/${link.body.token}/redeem`)
    .set(as(resident.token))
    .set('idempotency-key', idemKey())
    .send({ label: '父母家' })
  expect(redeemed.status).toBe(201)
  expect(redeemed.body.path).toBe(`/pages/recharge/index?accountNo=${holder.accountNo}`)
  expect(redeemed.body.account).toMatchObject({ role: 'owner', label: '父母家' })
  const account = await request(bff.url)
    .get(`/api/v1/accounts/${holder.accountNo}`)
    .set(as(resident.token))
  expect(account.status).toBe(200)
})

test('when a used link is opened by someone else, then it binds nobody and says so', async () => {
  const link = await issue()
  const first = await bff.login()
  const second = await bff.login()
  const redeem = (token: string) =>
    request(bff.url)
      .post(`/api/v1/agent-links/${link.body.token}/redeem`)
      .set(as(token))
      .set('idempotency-key', idemKey())
      .send({})
  expect((await redeem(first.token)).status).toBe(201)
  expect((await redeem(first.token)).status).toBe(201)
  const late = await redeem(second.token)
  expect(late.status).toBe(404)
  expect(late.body.error.message).toContain('已被其他微信号使用')
  const account = await request(bff.url)
    .get(`/api/v1/accounts/${holder.accountNo}`)
    .set(as(second.token))
  expect(account.status).toBe(403)
})

test('when the token is forged (right shape, wrong signature), then 404 and nothing is bound', async () => {
  const link = await issue()
  const [id] = String(link.body.token).split('.')
  const forged = `${id}.AAAAAAAAAAAA`
  const resident = await bff.login()
  const res = await request(bff.url)
    .post(`/api/v1/agent-links/${forged}/redeem`)
    .set(as(resident.token))
    .set('idempotency-key', idemKey())
    .send({})
  expect(res.status).toBe(404)
  expect(res.body.error.message).toContain('链接已失效')
  const bad = await request(bff.url).get('/api/v1/agent-links/not-a-token').set(as(resident.token))
  expect(bad.status).toBe(400)
})

test('when the workbench retries with the same Idempotency-Key, then it gets the same link; without a key, 400', async () => {
  const key = idemKey()
  const first = await issue({}, key)
  const again = await issue({}, key)
  expect(again.status).toBe(201)
  expect(again.body.token).toBe(first.body.token)
  const bare = await request(bff.url)
    .post('/ops/agent-links')
    .set(as(OPS_TOKEN))
    .send({ accountNo: holder.accountNo, agentName: 'x' })
  expect(bare.status).toBe(400)
})

test('when a resident’s session tries to issue a link, or the ops token is wrong, then 401', async () => {
  const resident = await bff.login()
  const res = await request(bff.url)
    .post('/ops/agent-links')
    .set(as(resident.token))
    .send({ accountNo: holder.accountNo, agentName: 'x' })
  expect(res.status).toBe(401)
})

test('when a link is issued for an unknown account or a bad page, then it is refused', async () => {
  expect((await issue({ accountNo: '1999999999' })).status).toBe(404)
  expect((await issue({ page: 'admin' })).status).toBe(400)
  expect((await issue({ ttlHours: 24 * 30 })).status).toBe(400)
})
